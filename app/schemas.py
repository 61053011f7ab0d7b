"""Request and response models (the OpenAPI schema at /docs comes from these)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from addrnet.settings import get_settings

ComponentLabel = str


def check_text(value: str) -> str:
    limit = get_settings().max_text_chars
    n = len(value.strip())
    if n == 0:
        raise ValueError("text is empty after stripping whitespace")
    if n > limit:
        raise ValueError(f"text is {n} characters after stripping; the limit is {limit}")
    return value


class ParseRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="Address text, 1-512 characters after stripping.", examples=["1745 T Street SE, Washington, DC 20020"])
    arm: str | None = Field(None, description="Arm to use; default: the primary arm.")

    _check = field_validator("text")(check_text)


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: list[str] = Field(description="Up to 1,000 address texts, each 1-512 characters after stripping.")
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
    label: str = Field(description="One of model.labels.LABELS.")
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
    text: str = Field(description="The normalized input (NFC, control characters as spaces); offsets index it.")
    arm: str
    model: ModelInfo
    components: list[Component]
    tokens: list[TokenOut]


class BatchResponse(BaseModel):
    results: list[ParseResponse]


ResolveLabel = Annotated[str, Field(max_length=512)]


class ResolveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="Raw address; parsed by the arm first.")
    components: dict[str, ResolveLabel] | None = Field(
        None, description="Components by label: locality, suburb, county, region, postcode, country."
    )
    limit: int = Field(5, ge=1, le=20)
    country: str | None = Field(None, max_length=64, description="Country hint: ISO code or name.")
    arm: str | None = None

    @field_validator("text")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return None if v is None else check_text(v)

    @model_validator(mode="after")
    def _one_of(self) -> ResolveRequest:
        if (self.text is None) == (self.components is None):
            raise ValueError("give exactly one of 'text' or 'components'")
        return self


class Place(BaseModel):
    place_id: int
    name: str
    region: str | None
    region_code: str | None
    country: str
    lat: float
    lon: float
    score: float
    match: str
    population: int | None
    explanation: str | None = None


class ResolveResponse(BaseModel):
    parse: ParseResponse | None
    results: list[Place]
