"""Request and response models (the OpenAPI schema at /docs comes from these)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from addrnet.settings import get_settings
from app.limits import MAX_COMPONENT_CHARS, collapse
from model.labels import LABEL_VIEWS

#: a label of the requested view (model.labels.LABEL_VIEWS; addrnet by default): an enum in the OpenAPI schema
ALL_LABELS = list(dict.fromkeys(label for view in LABEL_VIEWS.values() for label in view.values()))
ComponentLabel = Annotated[str, Field(json_schema_extra={"enum": ALL_LABELS}, examples=["street"])]
MAX_TEXT_CHARS = get_settings().max_text_chars


def check_text(value: str) -> str:
    limit = get_settings().max_text_chars
    n = len(value.strip())
    if n == 0:
        raise ValueError("text is empty after stripping whitespace")
    if n > limit:
        raise ValueError(f"text is {n} characters after stripping; the limit is {limit}")
    return value


def country_code(value: str) -> str | None:
    """ISO 3166-1 alpha-2 for a code or an English name (pycountry); None when unknown (the gazetteer's
    country names, local languages included, are tried at lookup)."""
    import pycountry

    v = collapse(value)
    if len(v) == 2 and v.isascii() and v.isalpha():
        code = v.upper()
        if code != "XK" and pycountry.countries.get(alpha_2=code) is None:  # XK: Kosovo, in GeoNames
            raise ValueError(f"unknown ISO 3166-1 country code {code!r}")
        return code
    try:
        return str(pycountry.countries.lookup(v).alpha_2)
    except LookupError:
        return {"UK": "GB", "GREAT BRITAIN": "GB", "ENGLAND": "GB"}.get(v.upper())


class ParseRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description=f"Address text, 1-{MAX_TEXT_CHARS} characters after stripping (else 422).",
                      examples=["1745 T Street SE, Washington, DC 20020"])
    arm: str | None = Field(None, description="Arm to use; default: the primary arm.")

    _check = field_validator("text")(check_text)


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: list[str] = Field(description=f"Up to 1,000 address texts (else 413), each 1-{MAX_TEXT_CHARS} characters "
                             "after stripping (else 422).", examples=[["1 Main St, Springfield, IL", "10117 Berlin"]])
    arm: str | None = None

    @field_validator("texts")
    @classmethod
    def _each(cls, v: list[str]) -> list[str]:
        for i, t in enumerate(v):
            try:
                check_text(t)
            except ValueError as e:
                raise ValueError(f"texts[{i}]: {e}") from None
        return v


class Component(BaseModel):
    label: ComponentLabel = Field(description="One of the component labels.")
    value: str = Field(description="Exactly text[start:end].")
    start: int
    end: int
    confidence: float = Field(description="Minimum over the component's words of the predicted tag's probability.")


class TokenOut(BaseModel):
    text: str
    start: int
    end: int
    label: str = Field(description="BIO tag.")
    confidence: float


class ModelInfo(BaseModel):
    arm: str
    version: str
    corpus: str
    tokenizer: str


class ParseResponse(BaseModel):
    text: str = Field(description="The normalized input (NFC, line breaks as commas, other control characters as "
                      "spaces); offsets index it.")
    arm: str
    model: ModelInfo
    components: list[Component]
    tokens: list[TokenOut] | None = Field(None, description="Per word: BIO tag and confidence; only with `?tokens=true`.")


class BatchResponse(BaseModel):
    results: list[ParseResponse]


ResolveLabel = Annotated[str, Field(description=f"At most {MAX_COMPONENT_CHARS} characters once whitespace runs "
                                   "are collapsed (else 422).")]


class ResolveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="Raw address; parsed by the arm first.")
    components: dict[str, ResolveLabel] | None = Field(
        None, description="Components by label: house_number, street, unit (the address level, when "
        "OpenAddresses data is imported), suburb, locality, county, region, postcode, country (other labels of the "
        "parser are accepted and ignored).",
        examples=[{"house_number": "27", "street": "Octavia St", "locality": "San Francisco", "region": "CA"}],
    )
    limit: int = Field(5, ge=1, le=20)
    country: str | None = Field(None, max_length=64, description="Country hint: an ISO 3166-1 code (alpha-2 or "
                                "alpha-3) or a country name, e.g. 'DE', 'DEU', 'Germany'.", examples=["US"])
    arm: str | None = None

    @field_validator("text")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return None if v is None else check_text(v)

    @field_validator("components")
    @classmethod
    def _components(cls, v: dict[str, str] | None) -> dict[str, str] | None:
        if v is None:
            return None
        out = {}
        for k, value in v.items():
            value = collapse(value)  # counted after normalisation, as the resolver counts
            if len(value) > MAX_COMPONENT_CHARS:
                raise ValueError(f"component {k!r} is {len(value)} characters; the limit is {MAX_COMPONENT_CHARS}")
            out[k] = value
        return out

    @field_validator("country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        return None if v is None else (country_code(v) or collapse(v) or None)

    @model_validator(mode="after")
    def _one_of(self) -> ResolveRequest:
        if (self.text is None) == (self.components is None):
            raise ValueError("give exactly one of 'text' or 'components'")
        return self


class Place(BaseModel):
    place_id: int = Field(description="Gazetteer place: the locality of an address/street result, else the place itself.")
    name: str = Field(description="Name of that place (the locality for address/street results).")
    region: str | None
    region_code: str | None
    country: str
    lat: float | None = Field(description="The most precise point found (address point, interpolated, or "
                              "centroid); null for a place the gazetteer has no coordinates for.")
    lon: float | None
    score: float
    match: str
    population: int | None
    explanation: str | None = None
    level: str = Field("locality", description="address, street, postcode, locality, region or country.")
    accuracy: str = Field("centroid", description="point (surveyed address point), interpolated, or centroid.")
    accuracy_m: float | None = Field(None, description="Rough radius of the uncertainty in metres.")
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    label: str = Field("", description="The whole result as one line.")


class Reading(BaseModel):
    components: dict[str, str] = Field(description="The components the results were resolved from.")
    source: str = Field(description="'top parse', a tagger alternative, or a derived reading such as "
                        "\"'CO' read as a region\".")
    differs_from_parse: bool = Field(description="True when this is not the tagger's top parse.")


class ResolveResponse(BaseModel):
    parse: ParseResponse | None
    results: list[Place]
    reading: Reading | None = Field(None, description="The joint reading of parse and gazetteer that was used.")
