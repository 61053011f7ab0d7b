"""GET /reverse, the Pelias-compatible /v1/search, /v1/search/structured, /v1/reverse, and the address
level of POST /resolve, over real HTTP (uvicorn on 127.0.0.1) against a SQLite gazetteer with a slice of
the shared OA fixtures imported."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from resolver.geo import haversine_km
from resolver.oa import import_oa
from tests.resolver_checks import copy_sqlite, oa_slice

# the properties of a Pelias feature (pelias/documentation: "Response properties"), and ours on top
PELIAS_PROPERTIES = {
    "id", "gid", "layer", "source", "source_id", "name", "housenumber", "street", "unit", "postalcode",
    "postalcode_gid", "confidence", "match_type", "distance", "accuracy", "country", "country_gid", "country_a",
    "country_code", "macroregion", "macroregion_gid", "macroregion_a", "region", "region_gid", "region_a",
    "macrocounty", "county", "county_gid", "county_a", "localadmin", "localadmin_gid", "locality",
    "locality_gid", "borough", "borough_gid", "neighbourhood", "neighbourhood_gid", "continent", "continent_gid",
    "label", "addendum",
}  # fmt: skip
EXTENSIONS = {"explanation"}
ADDRESS_FIELDS = {"label", "name", "housenumber", "street", "postalcode", "locality", "region", "region_a",
                  "country", "country_a", "confidence", "match_type", "accuracy", "layer"}  # fmt: skip


@pytest.fixture(scope="module")
def geo_server(server_factory: Callable[..., str], small_gazetteer: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("geo")
    url = copy_sqlite(small_gazetteer, tmp / "gaz.sqlite")
    us, _ = oa_slice(tmp)
    import_oa(url, [us], progress=False)
    return server_factory(database_url=url)


def _check_collection(body: dict[str, Any]) -> list[dict[str, Any]]:
    assert body["type"] == "FeatureCollection" and "geocoding" in body and "query" in body["geocoding"]
    for f in body["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(f["properties"]) <= PELIAS_PROPERTIES | EXTENSIONS, set(f["properties"]) - PELIAS_PROPERTIES
        assert f["properties"]["layer"] and f["properties"]["label"]
    if body["features"]:
        assert len(body["bbox"]) == 4
    return list(body["features"])


def test_structured_search_address(geo_server: str) -> None:
    r = httpx.get(f"{geo_server}/v1/search/structured",
                  params={"address": "27 Octavia St", "locality": "San Francisco", "region": "CA"})  # fmt: skip
    assert r.status_code == 200, r.text
    top = _check_collection(r.json())[0]
    props = top["properties"]
    assert ADDRESS_FIELDS <= set(props), ADDRESS_FIELDS - set(props)
    assert (props["layer"], props["housenumber"], props["street"], props["postalcode"]) == ("address", "27", "Octavia St", "94102")
    assert (props["locality"], props["region_a"], props["country_a"], props["accuracy"]) == ("San Francisco", "CA", "USA", "point")
    assert props["match_type"] == "exact" and 0 < props["confidence"] <= 1
    lon, lat = top["geometry"]["coordinates"]
    assert haversine_km(lat, lon, 37.7722281, -122.4242303) * 1000 < 1


def test_structured_interpolated_and_place(geo_server: str) -> None:
    body = httpx.get(f"{geo_server}/v1/search/structured",
                     params={"address": "29 Octavia Street", "postalcode": "94102"}).json()  # fmt: skip
    props = _check_collection(body)[0]["properties"]
    assert (props["layer"], props["match_type"], props["accuracy"]) == ("address", "interpolated", "point")
    place = _check_collection(httpx.get(f"{geo_server}/v1/search/structured",
                                        params={"locality": "Portland", "region": "Oregon"}).json())[0]  # fmt: skip
    assert place["properties"]["layer"] == "locality" and place["properties"]["region_a"] == "OR"
    empty = httpx.get(f"{geo_server}/v1/search/structured")
    assert empty.status_code == 422 and empty.json()["error"]["code"]


def test_search_text_shape_and_bad_text(geo_server: str) -> None:
    r = httpx.get(f"{geo_server}/v1/search", params={"text": "27 Octavia St, San Francisco, CA 94102", "size": 3})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["geocoding"]["query"]["text"] == "27 Octavia St, San Francisco, CA 94102"
    assert len(_check_collection(body)) <= 3
    for bad in ("", " ", "x" * 10_000):
        resp = httpx.get(f"{geo_server}/v1/search", params={"text": bad})
        assert resp.status_code == 422 and set(resp.json()["error"]) >= {"code", "message"}
    assert httpx.get(f"{geo_server}/v1/search", params={"text": "Paris", "boundary.country": "QQQ"}).status_code == 422


def test_reverse_and_v1_reverse(geo_server: str) -> None:
    r = httpx.get(f"{geo_server}/reverse", params={"lat": 37.77223, "lon": -122.42423})
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    layers = [x["layer"] for x in res]
    assert layers[:3] == ["address", "street", "locality"] and "country" in layers
    assert res[0]["name"] == "27 Octavia St" and res[0]["distance_m"] < 10
    only = httpx.get(f"{geo_server}/reverse", params={"lat": 37.77223, "lon": -122.42423, "layers": "locality"}).json()
    assert [x["layer"] for x in only["results"]] == ["locality"]
    v1 = httpx.get(f"{geo_server}/v1/reverse", params={"point.lat": 37.77223, "point.lon": -122.42423, "size": 2})
    feats = _check_collection(v1.json())
    assert len(feats) == 2 and feats[0]["properties"]["layer"] == "address"
    assert feats[0]["properties"]["distance"] < 0.01


@pytest.mark.parametrize("params", [{"lat": 91, "lon": 0}, {"lat": 0, "lon": -181}, {"lat": "abc", "lon": 0},
                                    {"lat": "nan", "lon": 0}, {"lon": 0}, {"lat": 1, "lon": 1, "layers": "planet"}])  # fmt: skip
def test_reverse_bad_coordinates_422(geo_server: str, params: dict[str, Any]) -> None:
    r = httpx.get(f"{geo_server}/reverse", params=params)
    assert r.status_code == 422 and set(r.json()["error"]) >= {"code", "message"}


def test_resolve_address_level_and_reading(geo_server: str) -> None:
    comps = {"house_number": "27", "street": "octavia", "locality": "San Francisco", "region": "CA"}
    r = httpx.post(f"{geo_server}/resolve", json={"components": comps})
    assert r.status_code == 200, r.text
    body = r.json()
    top = body["results"][0]
    assert (top["level"], top["accuracy"], top["name"], top["house_number"]) == ("address", "point", "San Francisco", "27")
    assert top["label"].startswith("27 Octavia St") and "house number 27 found" in top["explanation"]
    assert body["reading"] == {"components": comps, "source": "components", "differs_from_parse": False}
    relaxed = httpx.post(f"{geo_server}/resolve", json={"components": {"locality": "Arvada", "country": "CO"}}).json()
    assert relaxed["results"][0]["region_code"] == "CO" and relaxed["reading"]["differs_from_parse"]


@pytest.mark.parametrize("body", [
    {"components": {"locality": "x" * 300}},
    {"components": {"locality": "Boston"}, "country": "QQ"},
    {"text": "x" * 10_000},
])  # fmt: skip
def test_resolve_bad_input_is_4xx(geo_server: str, body: dict[str, Any]) -> None:
    r = httpx.post(f"{geo_server}/resolve", json=body)
    assert 400 <= r.status_code < 500 and set(r.json()["error"]) >= {"code", "message"}


def test_sql_metacharacters_everywhere(geo_server: str) -> None:
    for bad in ("'; DROP TABLE streets; --", "%", "_", "\\\\", "Octavia' OR '1'='1"):
        assert httpx.get(f"{geo_server}/v1/search/structured", params={"address": f"1 {bad}", "locality": bad}).status_code == 200
        assert httpx.post(f"{geo_server}/resolve", json={"components": {"street": bad, "house_number": bad}}).status_code == 200
    assert httpx.post(f"{geo_server}/resolve", json={"components": {"street": "Octavia St", "house_number": "27",
                                                                     "postcode": "94102"}}).json()["results"][0]["level"] == "address"  # fmt: skip


def test_openapi_documents_the_geo_routes(geo_server: str) -> None:
    spec = httpx.get(f"{geo_server}/openapi.json").json()
    for path in ("/reverse", "/v1/search", "/v1/search/structured", "/v1/reverse"):
        op = spec["paths"][path]["get"]
        assert op["summary"] and "example" in op["responses"]["200"]["content"]["application/json"]
