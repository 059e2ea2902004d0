#!/usr/bin/env python3
"""Derive the entity data files in src/vi/entities/data/ from public packages.

Usage (from the repository root):

    python3 scripts/derive_entity_data.py            # fetch (if needed), derive, write
    python3 scripts/derive_entity_data.py --check    # derive, compare with the committed
                                                     # files, validate every data file
Options:
    --admin DIR   the shared admin CSVs (default: ../shared/data/admin, then /work/shared/data/admin)
    --cache DIR   where the packages are downloaded and unpacked (default: /tmp/vnarticle-entity-src);
                  never inside the repository
    --out DIR     output folder (default: src/vi/entities/data)

Sources, fetched with the ordinary clients (`npm pack`, `npm install`, `pip download --no-deps`),
pinned to the versions in PINNED below:
  admin.tsv        the shared admin CSVs (from PyPI vietnamadminunits 1.0.4, MIT) and that package's
                   converter_2025.json (old ward -> new ward mapping, MIT) for the successors;
                   hand-written aliases, regions and the Resolution 202/2025/QH15 table in this file
  countries.tsv    npm cldr-localenames-full (Unicode-3.0), main/vi/territories.json + hand aliases here
  cities.tsv       npm cldr-dates-full (Unicode-3.0) exemplar cities, npm cldr-bcp47 (zone ids and
                   aliases, Unicode-3.0), PyPI tzdata (zone.tab: zone -> country; Apache-2.0, the tz
                   data itself public domain) + hand list here
  family_names.txt PyPI vn-fullname-generator 0.0.2 (MIT) first.name + hand list here
  given_names.txt  PyPI vn-fullname-generator 0.0.2 (MIT) male.name/female.name + hand list here
  words.txt        PyPI pyvi 0.1.1 (MIT) pyvi/models/words.txt, multi-syllable lowercase entries
  syllables.txt    npm @cspell/dict-vi-vn 3.0.6 (MIT) vi.trie.gz, read with npm cspell-trie (MIT)

The other files in the folder (organizations.tsv, abbreviations.tsv, titles.txt, honorifics.txt,
org_heads.txt, loc_types.txt, regions.tsv, org_words.txt, foreign_given.txt, ethnic_groups.txt) are hand-maintained: this script does not write them, but
--check validates them (NFC, column counts, no duplicate keys).
"""

import argparse
import collections
import csv
import gzip
import json
import math
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PINNED_NPM = {
    "cldr-localenames-full": "48.2.0",
    "cldr-dates-full": "48.2.0",
    "cldr-bcp47": "48.2.0",
    "@cspell/dict-vi-vn": "3.0.6",
}
PINNED_NPM_TOOL = ("cspell-trie", "9.7.0")
PINNED_PYPI = {
    "vietnamadminunits": "1.0.4",
    "vn-fullname-generator": "0.0.2",
    "pyvi": "0.1.1",
    "tzdata": "2026.6",
}

DERIVED = [
    "admin.tsv",
    "countries.tsv",
    "cities.tsv",
    "family_names.txt",
    "given_names.txt",
    "words.txt",
    "syllables.txt",
]
HAND = {
    # file: number of tab-separated columns
    "organizations.tsv": 4,
    "abbreviations.tsv": 3,
    "titles.txt": 2,
    "honorifics.txt": 2,
    "org_heads.txt": 2,
    "loc_types.txt": 2,
    "regions.tsv": 3,
    "org_words.txt": 1,
    "foreign_given.txt": 1,
    "ethnic_groups.txt": 1,
}


def nfc(s):
    # U+00D0 (capital eth) is sometimes typed for U+0110 (Vietnamese D with stroke).
    return unicodedata.normalize("NFC", s.replace("\u00d0", "\u0110")).strip()


# --------------------------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------------------------


def run(cmd, cwd=None):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def npm_package(cache, name, version):
    """`npm pack name@version` into cache and unpack it; return the package folder."""
    dest = cache / "npm" / (name.replace("/", "__").lstrip("@") + "-" + version)
    pkg = dest / "package"
    if pkg.is_dir():
        return pkg
    dest.mkdir(parents=True, exist_ok=True)
    run(["npm", "pack", f"{name}@{version}", "--pack-destination", str(dest)], cwd=dest)
    tgz = next(dest.glob("*.tgz"))
    with tarfile.open(tgz) as t:
        if hasattr(tarfile, "data_filter"):
            t.extractall(dest, filter="data")
        else:
            t.extractall(dest)
    return pkg


def npm_tool(cache, name, version):
    prefix = cache / "npm" / f"tool-{name}-{version}"
    binp = prefix / "node_modules" / ".bin" / name
    if not binp.exists():
        prefix.mkdir(parents=True, exist_ok=True)
        run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(prefix), f"{name}@{version}"])
    return binp


def pypi_package(cache, name, version):
    """`pip download --no-deps name==version` into cache and unpack the wheel; return the folder."""
    dest = cache / "pypi" / f"{name}-{version}"
    done = dest / ".unpacked"
    if done.exists():
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
         f"{name}=={version}", "-d", str(dest)])
    whl = next(dest.glob("*.whl"))
    with zipfile.ZipFile(whl) as z:
        z.extractall(dest)
    done.touch()
    return dest


# --------------------------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------------------------


def render(header_lines, rows):
    out = []
    for h in header_lines:
        out.append(("# " + h) if h else "#")
    for r in rows:
        if isinstance(r, (list, tuple)):
            fields = [nfc(str(x)) for x in r]
            for f in fields:
                assert "\t" not in f and "\n" not in f, r
            out.append("\t".join(fields))
        else:
            out.append(nfc(r))
    return "\n".join(out) + "\n"


def join_aliases(aliases, exclude=()):
    seen = set(nfc(e) for e in exclude if e)
    res = []
    for a in aliases:
        a = nfc(a)
        if a and a not in seen:
            seen.add(a)
            res.append(a)
    return "|".join(res)


# --------------------------------------------------------------------------------------------
# admin.tsv
# --------------------------------------------------------------------------------------------

# Resolution 202/2025/QH15 (12 June 2025): which former provinces make up each of the 34.
# Written by hand from the resolution's article 1; the derivation from the ward data must agree.
RESOLUTION_202 = {
    "Tuyên Quang": ["Hà Giang", "Tuyên Quang"],
    "Lào Cai": ["Yên Bái", "Lào Cai"],
    "Thái Nguyên": ["Bắc Kạn", "Thái Nguyên"],
    "Phú Thọ": ["Vĩnh Phúc", "Hòa Bình", "Phú Thọ"],
    "Bắc Ninh": ["Bắc Giang", "Bắc Ninh"],
    "Hưng Yên": ["Thái Bình", "Hưng Yên"],
    "Hải Phòng": ["Hải Dương", "Hải Phòng"],
    "Ninh Bình": ["Hà Nam", "Nam Định", "Ninh Bình"],
    "Quảng Trị": ["Quảng Bình", "Quảng Trị"],
    "Đà Nẵng": ["Quảng Nam", "Đà Nẵng"],
    "Quảng Ngãi": ["Kon Tum", "Quảng Ngãi"],
    "Gia Lai": ["Gia Lai", "Bình Định"],
    "Khánh Hòa": ["Ninh Thuận", "Khánh Hòa"],
    "Lâm Đồng": ["Lâm Đồng", "Đắk Nông", "Bình Thuận"],
    "Đắk Lắk": ["Đắk Lắk", "Phú Yên"],
    "Hồ Chí Minh": ["Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"],
    "Đồng Nai": ["Đồng Nai", "Bình Phước"],
    "Tây Ninh": ["Tây Ninh", "Long An"],
    "Cần Thơ": ["Cần Thơ", "Sóc Trăng", "Hậu Giang"],
    "Vĩnh Long": ["Bến Tre", "Vĩnh Long", "Trà Vinh"],
    "Đồng Tháp": ["Tiền Giang", "Đồng Tháp"],
    "Cà Mau": ["Bạc Liêu", "Cà Mau"],
    "An Giang": ["Kiên Giang", "An Giang"],
    # unchanged
    "Hà Nội": ["Hà Nội"],
    "Huế": ["Huế"],
    "Lai Châu": ["Lai Châu"],
    "Điện Biên": ["Điện Biên"],
    "Sơn La": ["Sơn La"],
    "Lạng Sơn": ["Lạng Sơn"],
    "Quảng Ninh": ["Quảng Ninh"],
    "Thanh Hóa": ["Thanh Hóa"],
    "Nghệ An": ["Nghệ An"],
    "Hà Tĩnh": ["Hà Tĩnh"],
    "Cao Bằng": ["Cao Bằng"],
}

# Aliases of the 34 current provinces (hand-written; forms "tỉnh X"/"thành phố X" are implied by
# the type word and not repeated, except the "TP X" forms of the six cities).
PROVINCE_ALIASES = {
    "Hà Nội": ["TP Hà Nội", "TP. Hà Nội", "Thủ đô Hà Nội", "Hà Thành"],
    "Hồ Chí Minh": ["TP.HCM", "TP. HCM", "TP HCM", "TPHCM", "Tp.HCM", "Tp HCM", "TP.Hồ Chí Minh",
                    "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Tp. Hồ Chí Minh", "HCM", "HCMC", "Sài Gòn",
                    "Sài Thành"],
    "Huế": ["TP Huế", "TP. Huế"],
    "Hải Phòng": ["TP Hải Phòng", "TP. Hải Phòng"],
    "Đà Nẵng": ["TP Đà Nẵng", "TP. Đà Nẵng"],
    "Cần Thơ": ["TP Cần Thơ", "TP. Cần Thơ", "Tây Đô"],
    "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc", "Đắk Lăk", "Dak Lak", "Daklak"],
}

# Former provinces: how old text writes them, when it differs from the legacy data's short name.
FORMER_PROVINCE_NAME = {
    # Thừa Thiên Huế became the centrally-run city Huế on 1 January 2025, and is unchanged by
    # the merger; old text writes "tỉnh Thừa Thiên Huế".
    "Huế": ("tỉnh", "Thừa Thiên Huế"),
}
FORMER_PROVINCE_ALIASES = {
    "Thừa Thiên Huế": ["Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế", "TT Huế"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT", "BRVT"],
    "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc", "Đắk Lăk", "Dak Lak", "Daklak"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông", "Dak Nong"],
    "Kon Tum": ["Kontum"],
    "Bắc Kạn": ["Bắc Cạn"],
}

# Hand rows: regions of Vietnam, one province abolished before the 63 that old text still names,
# and a few geographic names the press uses constantly. kind, type_word, name, province, successor, aliases
ADMIN_HAND = [
    ("historic_province", "tỉnh", "Hà Tây", "", "Hà Nội", "Hà Tây cũ"),
    ("region", "", "Bắc Bộ", "", "", "miền Bắc|Bắc Kỳ"),
    ("region", "", "Trung Bộ", "", "", "miền Trung|Trung Kỳ"),
    ("region", "", "Nam Bộ", "", "", "miền Nam|Nam Kỳ"),
    ("region", "", "Tây Bắc", "", "", "Tây Bắc Bộ"),
    ("region", "", "Đông Bắc", "", "", "Đông Bắc Bộ"),
    ("region", "", "Việt Bắc", "", "", ""),
    ("region", "", "Đồng bằng sông Hồng", "", "", "ĐBSH|đồng bằng Bắc Bộ"),
    ("region", "", "Bắc Trung Bộ", "", "", ""),
    ("region", "", "Nam Trung Bộ", "", "", "duyên hải Nam Trung Bộ"),
    ("region", "", "Duyên hải miền Trung", "", "", ""),
    ("region", "", "Tây Nguyên", "", "", ""),
    ("region", "", "Đông Nam Bộ", "", "", "miền Đông|miền Đông Nam Bộ"),
    ("region", "", "Đồng bằng sông Cửu Long", "", "", "ĐBSCL|miền Tây|miền Tây Nam Bộ|Tây Nam Bộ"),
    ("geo", "", "Biển Đông", "", "", ""),
    ("geo", "vịnh", "Bắc Bộ", "", "", ""),
    ("geo", "vịnh", "Thái Lan", "", "", ""),
    ("geo", "vịnh", "Hạ Long", "Quảng Ninh", "", ""),
    ("geo", "quần đảo", "Hoàng Sa", "Đà Nẵng", "", ""),
    ("geo", "quần đảo", "Trường Sa", "Khánh Hòa", "", ""),
    ("geo", "sông", "Hồng", "", "", ""),
    ("geo", "sông", "Mekong", "", "", "sông Mê Kông|sông Cửu Long|Mê Kông"),
    ("geo", "sông", "Đà", "", "", ""),
    ("geo", "sông", "Sài Gòn", "Hồ Chí Minh", "", ""),
    ("geo", "sông", "Hương", "Huế", "", ""),
    ("geo", "sông", "Hàn", "Đà Nẵng", "", ""),
    ("geo", "hồ", "Hoàn Kiếm", "Hà Nội", "", "hồ Gươm"),
    ("geo", "hồ", "Tây", "Hà Nội", "", ""),
    ("geo", "đèo", "Hải Vân", "", "", ""),
    ("geo", "đỉnh", "Fansipan", "Lào Cai", "", "Phan Xi Păng"),
]


def lower_type(t):
    t = nfc(t)
    return t[:1].lower() + t[1:].lower() if t else t


def strip_type(name, type_word):
    """'Quận 1' with type 'Quận' -> '1'; 'Phường 1 Bảo Lộc' -> '1 Bảo Lộc'."""
    n = nfc(name)
    if type_word and n.lower().startswith(type_word.lower() + " "):
        return n[len(type_word) + 1:]
    return n


def nearest_province(points, lat, lon):
    """points: dict cell -> list of (lat, lon, province); grid search for the nearest point."""
    ci, cj = int(math.floor(lat * 4)), int(math.floor(lon * 4))
    best = None
    for r in range(0, 12):
        for i in range(ci - r, ci + r + 1):
            for j in range(cj - r, cj + r + 1):
                if max(abs(i - ci), abs(j - cj)) != r:
                    continue
                for (la, lo, p) in points.get((i, j), ()):
                    d = (la - lat) ** 2 + ((lo - lon) * math.cos(math.radians(lat))) ** 2
                    if best is None or d < best[0]:
                        best = (d, p)
        if best is not None and r >= 1:
            return best[1]
    return best[1] if best else None


def derive_admin(admin_dir, vau_dir):
    new = list(csv.DictReader(open(admin_dir / "admin_units.csv", encoding="utf-8")))
    old = list(csv.DictReader(open(admin_dir / "admin_units_legacy.csv", encoding="utf-8")))
    conv = json.load(open(vau_dir / "vietnamadminunits" / "data" / "converter_2025.json", encoding="utf-8"))

    # -- current provinces
    provinces = {}
    for r in new:
        short = nfc(r["provinceShort"])
        full = nfc(r["province"])
        tw = "thành phố" if full.lower().startswith("thành phố") else "tỉnh"
        provinces[short] = (tw, r["provinceCode"], r["provinceKey"])
    key2short = {v[2]: k for k, v in provinces.items()}

    # -- old ward key -> set of new province keys (from the package's converter)
    ward2new = collections.defaultdict(set)
    for npk, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for _nw, olds in wards.items():
            for o in olds:
                ward2new[o].add(npk)
    for npk, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for o in olds:
            ward2new[o].add(npk)

    # -- geometric cross-check: nearest current ward centroid (shared CSVs only)
    grid = collections.defaultdict(list)
    for r in new:
        if r["wardLat"] and r["wardLon"]:
            la, lo = float(r["wardLat"]), float(r["wardLon"])
            grid[(int(math.floor(la * 4)), int(math.floor(lo * 4)))].append((la, lo, nfc(r["provinceShort"])))

    by_prov = collections.defaultdict(collections.Counter)
    by_prov_geo = collections.defaultdict(collections.Counter)
    by_dist = collections.defaultdict(collections.Counter)
    old_prov = {}
    old_dist = {}
    for r in old:
        ps = nfc(r["provinceShort"])
        old_prov[ps] = (nfc(r["province"]), r["provinceCode"])
        dtype = lower_type(r["districtType"])
        dname = strip_type(r["districtShort"], dtype)
        dkey = (ps, dtype, dname)
        old_dist[dkey] = r["districtCode"]
        k = "_".join((r["provinceKey"], r["districtKey"], r["wardKey"]))
        for npk in ward2new.get(k, ()):
            by_prov[ps][key2short[npk]] += 1
            by_dist[dkey][key2short[npk]] += 1
        if r["wardLat"] and r["wardLon"]:
            p = nearest_province(grid, float(r["wardLat"]), float(r["wardLon"]))
            if p:
                by_prov_geo[ps][p] += 1

    resolution = {o: n for n, olds in RESOLUTION_202.items() for o in olds}
    successor = {}
    report = []
    for ps in sorted(old_prov, key=lambda p: old_prov[p][1]):
        c = by_prov[ps]
        if not c:
            raise SystemExit(f"no ward mapping for former province {ps}")
        best, n = c.most_common(1)[0]
        total = sum(c.values())
        g = by_prov_geo[ps]
        gbest, gn = g.most_common(1)[0]
        gtotal = sum(g.values())
        successor[ps] = best
        flag = ""
        if best != resolution.get(ps) or gbest != best:
            flag = "  <-- DISAGREES"
        report.append(f"{ps}: mapping {best} {n}/{total}; nearest-ward {gbest} {gn}/{gtotal}; "
                      f"Resolution 202 {resolution.get(ps)}{flag}")
        if flag:
            raise SystemExit("successor disagreement:\n" + "\n".join(report))

    rows = []
    # provinces, in code order
    for short, (tw, code, _k) in sorted(provinces.items(), key=lambda kv: kv[1][1]):
        rows.append(("province", tw, short, "", "", join_aliases(PROVINCE_ALIASES.get(short, []), [short]), code))
    # communes
    for r in sorted(new, key=lambda r: (r["provinceCode"], r["wardCode"])):
        full = nfc(r["ward"])
        tw = lower_type(r["wardType"])
        # Four rows of the source have a wardType that contradicts the full name and the keys
        # ("Phường Việt Hòa" typed Xã, ...): the full name wins.
        for t in ("Đặc khu", "Phường", "Xã"):
            if full.startswith(t + " "):
                tw = t.lower()
        name = strip_type(full, tw)
        rows.append(("commune", tw, name, nfc(r["provinceShort"]), "", "", r["wardCode"]))
    # former provinces
    former_display = {}
    for ps, (full, code) in sorted(old_prov.items(), key=lambda kv: kv[1][1]):
        if ps in FORMER_PROVINCE_NAME:
            tw, name = FORMER_PROVINCE_NAME[ps]
        else:
            tw = "thành phố" if full.lower().startswith("thành phố") else "tỉnh"
            name = ps
        former_display[ps] = name
        rows.append(("former_province", tw, name, "", successor[ps],
                     join_aliases(FORMER_PROVINCE_ALIASES.get(name, []), [name]), code))
    # former districts
    split_districts = []
    for dkey, code in sorted(old_dist.items(), key=lambda kv: kv[1]):
        ps, dtype, dname = dkey
        c = by_dist.get(dkey)
        succ = c.most_common(1)[0][0] if c else successor[ps]
        if c and len(c) > 1:
            split_districts.append((dkey, dict(c)))
        rows.append(("former_district", dtype, dname, former_display[ps], succ, "", code))
    for h in ADMIN_HAND:
        rows.append(h + ("",))
    cn = collections.Counter(r[2] for r in rows if r[0] == "commune")
    stats = {
        "dup_names": sum(1 for v in cn.values() if v > 1),
        "dup_rows": sum(v for v in cn.values() if v > 1),
        "province": len(provinces),
        "commune": len(new),
        "former_province": len(old_prov),
        "former_district": len(old_dist),
        "split_districts": split_districts,
        "report": report,
    }
    return rows, stats


def write_admin(rows, stats, versions):
    header = [
        "Places of Vietnam: the 34 provinces and 3,321 communes in force since 1 July 2025, the former",
        "63 provinces and 696 districts with the current province that succeeded each, and a few",
        "hand-written regions and geographic names.",
        "Source: the shared CSVs admin_units.csv and admin_units_legacy.csv, from the PyPI package",
        f"vietnamadminunits {versions['vietnamadminunits']} (MIT, (c) 2025 Tran Ngoc Minh Hieu; data of the national",
        "statistics office); successors from that package's data/converter_2025.json (old ward ->",
        "new ward). Derived by scripts/derive_entity_data.py; do not edit by hand, edit the script.",
        "Successor of a former unit = the current province holding most of its former wards; checked",
        "against the nearest current ward centroid of every former ward, and against Resolution",
        "202/2025/QH15 as written in the script: all 63 agree, every former province went whole",
        "into one current province.",
        "Columns (tab-separated; empty field = nothing):",
        "  kind       province | commune | former_province | former_district | historic_province |",
        "             region | geo (the last three hand-written)",
        "  type_word  lowercase administrative word as written before the name: tỉnh, thành phố,",
        "             xã, phường, đặc khu, quận, huyện, thị xã (for geo: sông, hồ, vịnh, ...)",
        "  name       the name without its type word, as Vietnamese write it (\"Hồ Chí Minh\", \"1\" for",
        "             quận 1, \"Thừa Thiên Huế\" for the former province that became thành phố Huế)",
        "  province   commune: its current province; former_district: its former province (as named",
        "             in the former_province rows); geo: the province it lies in, if only one",
        "  successor  former_*/historic_*: the current province (a `name` of a province row)",
        "  aliases    |-separated other spellings and short forms (hand-written)",
        "  code       statistics-office code: 2 digits province, 3 district, 5 commune (old and new",
        "             units may share a code: 44 was Quảng Bình and is Quảng Trị)",
        f"Names repeat: {stats['dup_names']} commune names are borne by {stats['dup_rows']} of the 3,321 communes",
        "(type word aside); a name can be a commune, a former district and a province at once",
        "(\"Lào Cai\": province, phường, former thành phố), and former provinces that kept their",
        "name appear twice (as province and as former_province).",
    ]
    return render(header, rows)


# --------------------------------------------------------------------------------------------
# countries.tsv
# --------------------------------------------------------------------------------------------

# CLDR codes left out: pseudo-locales, "unknown", and bodies that are organizations.
CLDR_SKIP = {"XA", "XB", "ZZ", "UN", "EU", "EZ", "QO"}
CONTINENTS = {"002", "009", "019", "142", "150", "AQ"}
# Non-sovereign or special-status territories (administrative status only; a rough label so
# that the entity code may type them; not a political statement).
TERRITORIES = set(
    "AC AI AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH FK FO GF GG GI GL GP GS GU HK HM IC IM IO "
    "JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TA TC TF TK TW UM VG VI WF XK YT".split())

# Short forms and other names the Vietnamese press uses (hand-written).
COUNTRY_PRESS = {
    "US": ["Mỹ", "Hợp chủng quốc Hoa Kỳ", "Hợp chúng quốc Hoa Kỳ"],
    "GB": ["Anh", "Anh Quốc", "Liên hiệp Anh", "Liên hiệp Vương quốc Anh và Bắc Ireland"],
    "RU": ["Liên bang Nga", "LB Nga"],
    "CN": ["Trung Hoa", "Cộng hòa Nhân dân Trung Hoa", "CHND Trung Hoa"],
    "JP": ["Nhật"],
    "KR": ["Đại Hàn Dân Quốc", "Nam Hàn"],
    "KP": ["Bắc Triều Tiên", "CHDCND Triều Tiên", "Cộng hòa Dân chủ Nhân dân Triều Tiên", "Bắc Hàn"],
    "FR": ["Cộng hòa Pháp"],
    "DE": ["CHLB Đức", "Cộng hòa Liên bang Đức"],
    "AU": ["Australia", "Ô-xtrây-li-a", "Ôxtrâylia"],
    "IT": ["Ý", "I-ta-li-a", "Italia"],
    "LA": ["CHDCND Lào", "Cộng hòa Dân chủ Nhân dân Lào"],
    "KH": ["Cam-pu-chia", "Vương quốc Campuchia"],
    "MM": ["Myanmar", "Mi-an-ma", "Miến Điện"],
    "MY": ["Ma-lai-xi-a"],
    "SG": ["Xin-ga-po", "Xingapo"],
    "ID": ["In-đô-nê-xi-a", "Inđônêxia"],
    "PH": ["Phi-líp-pin", "Philippin"],
    "BN": ["Bru-nây", "Brunây"],
    "TH": ["Vương quốc Thái Lan"],
    "UA": ["Ukraine", "U-crai-na"],
    "BY": ["Bê-la-rút"],
    "CZ": ["CH Séc"],
    "HU": ["Hung-ga-ri", "Hungari"],
    "RO": ["Ru-ma-ni", "Rumani"],
    "BG": ["Bun-ga-ri", "Bungari"],
    "IL": ["I-xra-en", "Ixraen"],
    "PS": ["Pa-le-xtin", "Palextin", "Nhà nước Palestine"],
    "IR": ["I-ran"],
    "IQ": ["I-rắc", "Irắc"],
    "SY": ["Xy-ri", "Xyri"],
    "LB": ["Lebanon", "Liban"],
    "SA": ["Ả Rập Saudi", "Saudi Arabia", "A-rập Xê-út", "Ả-rập Xê-út", "Ả Rập Xê Út"],
    "AE": ["UAE", "Các Tiểu vương quốc Ả Rập Thống nhất"],
    "KW": ["Cô-oét"],
    "MA": ["Morocco", "Maroc"],
    "DZ": ["An-giê-ri", "Angiêri"],
    "CA": ["Ca-na-đa"],
    "MX": ["Mê-hi-cô", "Mêhicô"],
    "BR": ["Bra-xin", "Braxin"],
    "AR": ["Ác-hen-ti-na", "Áchentina"],
    "CL": ["Chi-lê", "Chilê"],
    "CO": ["Cô-lôm-bi-a"],
    "VE": ["Vê-nê-xu-ê-la"],
    "CU": ["Cu-ba"],
    "NZ": ["Niu Di-lân", "Niu Dilân"],
    "IE": ["Ai-len", "Ailen"],
    "AT": ["Austria"],
    "KZ": ["Ca-dắc-xtan"],
    "PK": ["Pa-ki-xtan", "Pakixtan"],
    "BD": ["Băng-la-đét", "Bănglađét"],
    "LK": ["Xri Lan-ca"],
    "NP": ["Nê-pan"],
    "AF": ["Áp-ga-ni-xtan"],
    "HK": ["Hong Kong", "Hương Cảng"],
    "MO": ["Ma Cao", "Macau"],
    "VA": ["Vatican", "Tòa Thánh Vatican", "Tòa Thánh"],
    "GE": ["Gruzia"],
    "LT": ["Lithuania"],
    "RS": ["Xéc-bi-a"],
    "CY": ["Cyprus"],
    "TR": ["Türkiye"],
    "VN": ["Việt Nam", "Cộng hòa Xã hội chủ nghĩa Việt Nam", "CHXHCN Việt Nam"],
    "419": ["Mỹ Latinh", "Mỹ La-tinh", "châu Mỹ Latinh"],
    "029": ["Caribe", "Caribbean", "vùng Caribe"],
    "AQ": ["Châu Nam Cực", "châu Nam Cực"],
}

# Regions and former countries that CLDR does not name (hand-written).
# code, kind, name, aliases
COUNTRY_HAND_ROWS = [
    ("", "region", "Trung Đông", ["khu vực Trung Đông"]),
    ("", "region", "Đông Dương", []),
    ("", "region", "Bán đảo Triều Tiên", ["bán đảo Triều Tiên"]),
    ("", "region", "Bắc Cực", []),
    ("", "region", "Vùng Vịnh", ["vùng Vịnh"]),
    ("", "region", "Trung Âu", []),
    ("", "region", "Đông Bắc Á", []),
    ("", "region", "Balkan", ["bán đảo Balkan"]),
    ("", "region", "Ấn Độ Dương - Thái Bình Dương", ["Ấn Độ Dương-Thái Bình Dương", "Indo-Pacific"]),
    ("", "region", "Tiểu vùng sông Mekong", ["tiểu vùng Mekong"]),
    ("SU", "former_country", "Liên Xô", ["Liên bang Xô viết"]),
    ("CS", "former_country", "Tiệp Khắc", []),
    ("YU", "former_country", "Nam Tư", []),
    ("DD", "former_country", "Đông Đức", []),
]


def derive_countries(loc_pkg):
    t = json.load(open(loc_pkg / "main" / "vi" / "territories.json", encoding="utf-8"))
    t = t["main"]["vi"]["localeDisplayNames"]["territories"]
    base = {}
    alts = collections.defaultdict(list)
    for k, v in t.items():
        code = k.split("-alt-")[0]
        if "-alt-" in k:
            alts[code].append(nfc(v))
        else:
            base[code] = nfc(v)
    rows = []

    def sort_key(code):
        return (0 if code.isdigit() else 1, code)

    for code in sorted(base, key=sort_key):
        if code in CLDR_SKIP:
            continue
        name = base[code]
        if code.isdigit():
            kind = "world" if code == "001" else ("continent" if code in CONTINENTS else "region")
        elif code in CONTINENTS:
            kind = "continent"
        elif code in TERRITORIES:
            kind = "territory"
        else:
            kind = "country"
        cldr_al = join_aliases(alts.get(code, []), [name])
        press = list(COUNTRY_PRESS.get(code, []))
        # Vietnamese writes "châu Âu" in running text; CLDR capitalizes "Châu Âu".
        for n in [name] + alts.get(code, []):
            if "Châu " in n or n.startswith("Miền "):
                low = n.replace("Châu ", "châu ")
                press.append(low[0].lower() + low[1:])
        press_al = join_aliases(press, [name] + alts.get(code, []))
        rows.append((code, kind, name, cldr_al, press_al, "cldr"))
    for code, kind, name, al in COUNTRY_HAND_ROWS:
        rows.append((code, kind, name, "", join_aliases(al, [name]), "hand"))
    return rows, base


def write_countries(rows, versions):
    header = [
        "Countries, territories, continents and world regions in Vietnamese.",
        f"Source: CLDR {versions['cldr']} through the npm package cldr-localenames-full, file",
        "main/vi/territories.json (licence Unicode-3.0: Copyright (c) 2004-2026 Unicode, Inc.;",
        "the package's LICENSE, which permits use, copying, modification and redistribution of the",
        "data files with this notice); press short forms, transliterations and the rows with",
        "source=hand written by hand for this project (names are facts).",
        "Derived by scripts/derive_entity_data.py; do not edit by hand, edit the script.",
        "Left out of CLDR: XA, XB (pseudo), ZZ (unknown), QO, EZ, and UN, EU (organizations: see",
        "organizations.tsv).",
        "Columns: code (ISO 3166 alpha-2, UN M.49 three digits, ISO 3166-3 for former countries,",
        "  empty for hand regions) | kind (world, continent, region, country, territory,",
        "  former_country) | name (CLDR's Vietnamese name) | cldr_aliases (CLDR's alt short/variant",
        "  names) | press_aliases (hand-written forms used by the Vietnamese press, |-separated) |",
        "  source (cldr or hand).",
        "kind territory is an administrative-status label (dependencies, special regions, disputed",
        "territories), for typing only.",
    ]
    return render(header, rows)


# --------------------------------------------------------------------------------------------
# cities.tsv
# --------------------------------------------------------------------------------------------

# CLDR zones left out: research stations, US county-level zones, unknown/etc, Vietnam (admin.tsv).
CITY_SKIP_PREFIX = ("Antarctica/", "America/Indiana/", "America/North_Dakota/", "America/Kentucky/", "Etc/")
CITY_SKIP_COUNTRY = {"VN"}
# Names that are ordinary English/Vietnamese words or too ambiguous in Vietnamese text.
CITY_SKIP_NAME = {"Center", "Oral", "Nome", "Thule", "Casey", "Davis", "Mawson", "Palmer", "Troll",
                  "Vostok", "Macquarie", "Eucla", "Creston", "Boise", "Atikokan", "Resolute",
                  "Rankin Inlet", "Cambridge Bay", "Inuvik", "Dawson", "Whitehorse", "Glace Bay",
                  "Goose Bay", "Moncton", "Metlakatla", "Sitka", "Yakutat", "Adak", "Juneau",
                  "Menominee", "Beulah", "Knox", "Marengo", "Vevay", "Monticello", "Winamac",
                  "Tell City", "Petersburg", "Vincennes", "Danmarkshavn", "Kralendijk", "Busingen",
                  "Büsingen",
                  # islands, archipelagos, regions and small places named by their zone
                  "Cocos", "Christmas", "Faroe", "Comores", "Cayman", "Canarias", "Azores", "Madeira",
                  "Galápagos", "Easter", "Tahiti", "Marquesas", "Gambier", "Kerguelen", "Bougainville",
                  "Guadalcanal", "Efate", "Tongatapu", "Kamchatka", "Sakhalin", "Midway", "Wake",
                  "Chatham", "Lord Howe", "Lindeman", "Kosrae", "Chuuk", "Pohnpei", "Kwajalein",
                  "Đảo Man", "Đảo Canton", "Nam Georgia", "Chagos", "Fiji", "Palau", "Jersey",
                  "Guernsey", "Bahia", "Jujuy", "Catamarca", "La Rioja", "San Juan", "San Luis",
                  "Broken Hill", "Swift Current", "Dawson Creek", "Fort Nelson", "Blanc-Sablon",
                  "Khandyga", "Srednekolymsk", "Ust-Nera", "Ojinaga", "Coyhaique", "Eirunepé",
                  "Santarém", "Araguaína", "Fernando de Noronha", "Ittoqqortoormiit",
                  "Lower Prince’s Quarter", "Longyearbyen", "Kiritimati", "Fakaofo", "Grand Turk",
                  "St. Thomas", "St. Vincent", "St. Kitts", "St. Lucia", "St. Barthélemy",
                  "St. Helena", "Stanley", "Mariehamn", "Marigot", "Saint-Pierre", "Pitcairn",
                  "Norfolk", "Saipan", "Tortola", "Antigua", "Mahé", "Wallis & Futuna", "Bahia Banderas", "Matamoros", "Punta Arenas",
                  # personal names or English words
                  "Regina", "Darwin", "Phoenix", "Kirov", "Victoria"}

# Cities the Vietnamese press names, in its spelling (hand-written). name, country, aliases
CITY_HAND = [
    ("Bắc Kinh", "CN", ["Beijing"]),
    ("Thượng Hải", "CN", ["Shanghai"]),
    ("Quảng Châu", "CN", ["Guangzhou"]),
    ("Thâm Quyến", "CN", ["Shenzhen"]),
    ("Thiên Tân", "CN", ["Tianjin"]),
    ("Trùng Khánh", "CN", ["Chongqing"]),
    ("Vũ Hán", "CN", ["Wuhan"]),
    ("Hàng Châu", "CN", ["Hangzhou"]),
    ("Nam Kinh", "CN", ["Nanjing"]),
    ("Thành Đô", "CN", ["Chengdu"]),
    ("Côn Minh", "CN", ["Kunming"]),
    ("Nam Ninh", "CN", ["Nanning"]),
    ("Tây An", "CN", ["Xi'an"]),
    ("Hạ Môn", "CN", ["Xiamen"]),
    ("Đài Bắc", "TW", ["Taipei"]),
    ("Cao Hùng", "TW", ["Kaohsiung"]),
    ("Hồng Kông", "HK", ["Hong Kong"]),
    ("Ma Cao", "MO", ["Macau", "Macao"]),
    ("Bình Nhưỡng", "KP", ["Pyongyang"]),
    ("Seoul", "KR", ["Xơ-un"]),
    ("Busan", "KR", ["Pusan"]),
    ("Incheon", "KR", []),
    ("Tokyo", "JP", ["Tô-ky-ô"]),
    ("Osaka", "JP", []),
    ("Kyoto", "JP", []),
    ("Yokohama", "JP", []),
    ("Nagoya", "JP", []),
    ("Hiroshima", "JP", []),
    ("Fukuoka", "JP", []),
    ("Sapporo", "JP", []),
    ("Viêng Chăn", "LA", ["Vientiane"]),
    ("Luang Prabang", "LA", ["Luông Pha-bang", "Luông Prabang"]),
    ("Phnom Penh", "KH", ["Phnôm Pênh", "Nông Pênh"]),
    ("Siem Reap", "KH", ["Xiêm Riệp"]),
    ("Bangkok", "TH", ["Băng Cốc"]),
    ("Chiang Mai", "TH", []),
    ("Pattaya", "TH", []),
    ("Phuket", "TH", []),
    ("Kuala Lumpur", "MY", []),
    ("Singapore", "SG", []),
    ("Jakarta", "ID", ["Gia-các-ta"]),
    ("Manila", "PH", ["Ma-ni-la"]),
    ("Yangon", "MM", ["Rangoon"]),
    ("Naypyidaw", "MM", ["Nay Pyi Taw", "Nây Pyi Tô"]),
    ("Dili", "TL", []),
    ("Bandar Seri Begawan", "BN", []),
    ("New Delhi", "IN", ["Niu Đê-li", "Niu Đêli"]),
    ("Mumbai", "IN", []),
    ("Ulan Bator", "MN", ["Ulaanbaatar"]),
    ("Astana", "KZ", []),
    ("Islamabad", "PK", []),
    ("Dhaka", "BD", []),
    ("Kabul", "AF", []),
    ("Tehran", "IR", ["Tê-hê-ran"]),
    ("Baghdad", "IQ", ["Bát-đa"]),
    ("Damascus", "SY", ["Đa-mát"]),
    ("Beirut", "LB", ["Bê-rút"]),
    ("Jerusalem", "IL", ["Giê-ru-xa-lem"]),
    ("Tel Aviv", "IL", []),
    ("Gaza", "PS", ["thành phố Gaza"]),
    ("Riyadh", "SA", []),
    ("Dubai", "AE", []),
    ("Abu Dhabi", "AE", []),
    ("Doha", "QA", []),
    ("Ankara", "TR", []),
    ("Istanbul", "TR", []),
    ("Cairo", "EG", ["Cai-rô"]),
    ("Mát-xcơ-va", "RU", ["Moskva", "Moscow", "Matxcơva"]),
    ("Saint Petersburg", "RU", ["St. Petersburg", "Xanh Pê-téc-bua"]),
    ("Vladivostok", "RU", ["Vla-đi-vô-xtốc"]),
    ("Kiev", "UA", ["Kyiv", "Ki-ép", "Kiép"]),
    ("Minsk", "BY", []),
    ("Warsaw", "PL", ["Vác-sa-va", "Warszawa"]),
    ("Praha", "CZ", ["Prague"]),
    ("Budapest", "HU", []),
    ("Vienna", "AT", ["Viên", "Wien"]),
    ("Berlin", "DE", ["Béc-lin"]),
    ("Munich", "DE", ["München"]),
    ("Frankfurt", "DE", []),
    ("Hamburg", "DE", []),
    ("Paris", "FR", ["Pa-ri"]),
    ("Lyon", "FR", []),
    ("Marseille", "FR", []),
    ("London", "GB", ["Luân Đôn"]),
    ("Manchester", "GB", []),
    ("Liverpool", "GB", []),
    ("Edinburgh", "GB", []),
    ("Dublin", "IE", []),
    ("Brussels", "BE", ["Brúc-xen", "Bruxelles"]),
    ("Amsterdam", "NL", []),
    ("The Hague", "NL", ["La Haye"]),
    ("Geneva", "CH", ["Giơ-ne-vơ", "Genève"]),
    ("Zurich", "CH", ["Zürich"]),
    ("Davos", "CH", []),
    ("Bern", "CH", []),
    ("Rome", "IT", ["Roma", "Rô-ma"]),
    ("Milan", "IT", ["Milano"]),
    ("Venice", "IT", ["Venezia"]),
    ("Madrid", "ES", []),
    ("Barcelona", "ES", []),
    ("Lisbon", "PT", ["Lisboa"]),
    ("Athens", "GR", ["A-ten", "Athena"]),
    ("Stockholm", "SE", []),
    ("Oslo", "NO", []),
    ("Copenhagen", "DK", ["Cô-pen-ha-ghen"]),
    ("Helsinki", "FI", []),
    ("Washington", "US", ["Oa-sinh-tơn", "Washington D.C.", "Washington DC"]),
    ("New York", "US", ["Niu Oóc", "Niu Y-oóc", "New York City"]),
    ("Los Angeles", "US", []),
    ("San Francisco", "US", []),
    ("Chicago", "US", []),
    ("Houston", "US", []),
    ("Seattle", "US", []),
    ("Boston", "US", []),
    ("Miami", "US", []),
    ("Las Vegas", "US", []),
    ("Ottawa", "CA", []),
    ("Toronto", "CA", []),
    ("Vancouver", "CA", []),
    ("Montreal", "CA", ["Montréal"]),
    ("Mexico City", "MX", ["Thành phố Mexico", "Ciudad de México"]),
    ("La Habana", "CU", ["Havana", "La Ha-ba-na"]),
    ("Brasília", "BR", ["Brasilia"]),
    ("Rio de Janeiro", "BR", []),
    ("Canberra", "AU", []),
    ("Wellington", "NZ", []),
    ("Cape Town", "ZA", []),
    ("Abuja", "NG", []),
]
# CLDR exemplar names that the hand list spells differently (CLDR name -> hand name), so that the
# two merge into one row.
CITY_MERGE = {"Havana": "La Habana", "Rangoon": "Yangon", "Ciudad de México": "Mexico City"}


def derive_cities(dates_pkg, bcp_pkg, tz_dir, country_names, territory_names):
    vi = json.load(open(dates_pkg / "main" / "vi" / "timeZoneNames.json", encoding="utf-8"))
    vi = vi["main"]["vi"]["dates"]["timeZoneNames"]["zone"]
    und = json.load(open(dates_pkg / "main" / "und" / "timeZoneNames.json", encoding="utf-8"))
    und = und["main"]["und"]["dates"]["timeZoneNames"]["zone"]

    def exemplar(tree, zid):
        node = tree
        for part in zid.split("/"):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node.get("exemplarCity") if isinstance(node, dict) else None

    zone_country = {}
    for line in open(tz_dir / "tzdata" / "zoneinfo" / "zone.tab", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        zone_country[f[2]] = f[0]

    tz = json.load(open(bcp_pkg / "bcp47" / "timezone.json", encoding="utf-8"))["keyword"]["u"]["tz"]
    cities = {}  # name -> [country, aliases(list), source]
    for key, v in tz.items():
        if key.startswith("_") or not isinstance(v, dict) or v.get("_deprecated") == "true":
            continue
        aliases = v.get("_alias", "").split()
        if not aliases:
            continue
        zid = aliases[0]
        if zid.startswith(CITY_SKIP_PREFIX):
            continue
        cc = next((zone_country[a] for a in aliases if a in zone_country), None)
        if not cc or cc in CITY_SKIP_COUNTRY:
            continue
        name_vi = exemplar(vi, zid)
        name_und = exemplar(und, zid)
        default = zid.split("/")[-1].replace("_", " ")
        name = nfc(name_vi or name_und or default)
        if name in CITY_SKIP_NAME or "," in name:
            continue
        # A zone named after its country or territory ("Kuwait", "Brunei", "Guam") is not a city
        # name to look up: the hand list re-adds the city-states.
        if name in territory_names or default in territory_names:
            continue
        al = [nfc(x) for x in (name_und, default) if x and nfc(x) != name]
        name = CITY_MERGE.get(name, name)
        if name in cities:
            cities[name][1].extend(al)
        else:
            cities[name] = [cc, al, "cldr", []]
    for name, cc, al in CITY_HAND:
        hit = None
        for cand in [name] + al:
            if cand in cities:
                hit = cand
                break
        if hit:
            entry = cities.pop(hit)
            if hit != name:
                entry[1].append(hit)
            if entry[0] != cc:
                raise SystemExit(f"city {name}: CLDR/tz country {entry[0]} != hand {cc}")
            entry[3].extend(al)
            entry[2] = "cldr+press"
            cities[name] = entry
        else:
            cities[name] = [cc, [], "press", list(al)]
    rows = []
    for name in sorted(cities, key=lambda n: (cities[n][0], n)):
        cc, al, src, press = cities[name]
        rows.append((name, cc, country_names.get(cc, ""), join_aliases(al + press, [name]), src))
    return rows


def write_cities(rows, versions):
    header = [
        "World cities in Vietnamese, with their country.",
        f"Source: CLDR {versions['cldr']} exemplar cities (npm cldr-dates-full, main/vi and main/und",
        "timeZoneNames.json; a zone without a Vietnamese exemplar city takes the last part of its zone",
        "id, as CLDR specifies), the zone list and aliases of npm cldr-bcp47 (bcp47/timezone.json),",
        "licence Unicode-3.0 (Copyright (c) 2004-2026 Unicode, Inc.); each zone's country from",
        f"zone.tab of the PyPI package tzdata {versions['tzdata']} (Apache-2.0; the tz database itself is",
        "public domain); plus cities and Vietnamese spellings used by the press, written by hand",
        "(names are facts). Left out: Vietnam's zone (see admin.tsv), Antarctic stations, US",
        "county-level zones, and exemplar names that are common English words or obscure.",
        "Derived by scripts/derive_entity_data.py; do not edit by hand, edit the script.",
        "City-states (Singapore, Monaco, Hồng Kông...) also appear in countries.tsv.",
        "Columns: name | country (ISO 3166 alpha-2) | country_vi (CLDR name) | aliases (|-separated:",
        "  CLDR's root/English forms and the press spellings) | source (cldr, press, cldr+press).",
    ]
    return render(header, rows)


# --------------------------------------------------------------------------------------------
# family_names.txt, given_names.txt
# --------------------------------------------------------------------------------------------

# Family names beyond the package's 18 (hand-written; common Kinh names, then names of other
# ethnic groups). No frequency order is claimed for these.
FAMILY_HAND = (
    "Đào Đinh Lâm Mai Trịnh Hà Lương Tạ Cao Chu Tô Thái Kiều Quách Lưu Vương Triệu Phùng Nông Lò "
    "Lục Đàm Tăng Tôn Lại Khúc Khổng Kim La Lã Lữ Mạc Mạch Nghiêm Ninh Ông Phí Phó Quan Tiêu Thạch "
    "Thân Từ Vi Bạch Bế Cấn Cù Diệp Doãn Đồng Giang Giáp Hán Hầu Hứa Khương Khuất Kha Lạc Lăng Lỗ "
    "Mã Mẫn Nhâm Phương Quản Sầm Tào Thiều Tống Trình Âu Ứng Châu Văn Cầm Lường Sùng Giàng Vàng "
    "Thào Mùa Hờ Ksor Siu Danh"
).split()
# Văn is a family name for a few families but mostly a middle name: kept here, flagged.
FAMILY_VARIANTS = {"Hoàng": "Huỳnh", "Huỳnh": "Hoàng", "Vũ": "Võ", "Võ": "Vũ", "Lã": "Lữ", "Lữ": "Lã"}
FAMILY_NOTES = {"Văn": "mostly a middle name"}

# Middle names so common that a name list is not needed to know them (hand-written).
MIDDLE_HAND = {"Văn": "m", "Thị": "f", "Hữu": "m", "Đình": "m", "Bá": "m", "Công": "m", "Quốc": "m",
               "Trọng": "m", "Thế": "m", "Viết": "m", "Khắc": "m", "Duy": "m", "Đức": "m", "Ngọc": "",
               "Thanh": "", "Xuân": "", "Minh": "", "Kim": "f", "Thu": "f", "Hồng": "", "Như": "f",
               "Phương": "", "Tiến": "m", "Mạnh": "m", "Nhật": "m", "Hoài": ""}


def derive_names(gen_dir):
    data = gen_dir / "vn_fullname_generator" / "data"

    def read(name):
        return [nfc(l) for l in open(data / name, encoding="utf-8") if nfc(l)]

    first = read("first.name")
    male = read("male.name")
    female = read("female.name")
    fam_rows = []
    seen = set()
    for i, n in enumerate(first, 1):
        seen.add(n)
        fam_rows.append((n, str(i), "pkg", FAMILY_VARIANTS.get(n, ""), FAMILY_NOTES.get(n, "")))
    for n in FAMILY_HAND:
        n = nfc(n)
        if n in seen:
            continue
        seen.add(n)
        fam_rows.append((n, "", "hand", FAMILY_VARIANTS.get(n, ""), FAMILY_NOTES.get(n, "")))

    given = collections.Counter()
    middle = collections.Counter()
    g_m = collections.Counter()
    g_f = collections.Counter()
    for lst, gc in ((male, g_m), (female, g_f)):
        for full in lst:
            parts = full.split()
            # The lists hold "middle given" pairs: capitalize each syllable ("Xuân xanh").
            parts = [p[:1].upper() + p[1:] for p in parts]
            given[parts[-1]] += 1
            gc[parts[-1]] += 1
            for p in parts[:-1]:
                middle[p] += 1
    rows = []
    for s in sorted(set(given) | set(middle), key=lambda s: (-(given[s] + middle[s]), s)):
        gender = "m" if g_m[s] and not g_f[s] else ("f" if g_f[s] and not g_m[s] else "")
        rows.append((s, str(given[s]), str(middle[s]), gender, "pkg"))
    have = set(given) | set(middle)
    for s, gnd in MIDDLE_HAND.items():
        if s not in have:
            rows.append((s, "0", "0", gnd, "hand"))
    return fam_rows, rows, (len(male), len(female))


def write_family(rows, versions):
    header = [
        "Vietnamese family names (họ).",
        f"Source: the PyPI package vn-fullname-generator {versions['vn-fullname-generator']}, file",
        "vn_fullname_generator/data/first.name (18 names, in the package's order, which is the usual",
        "frequency order: Nguyễn, Trần, Lê, Phạm, ...); licence MIT (classifier \"License :: OSI",
        "Approved :: MIT License\"; its LICENSE file is the MIT text with the copyright line of the",
        "packaging template). The rows with source=hand are written by hand for this project (common",
        "names, and names of other ethnic groups: Lò, Cầm, Sùng, Giàng, Ksor, Siu, Danh...); no",
        "frequency is claimed for them.",
        "Derived by scripts/derive_entity_data.py; do not edit by hand, edit the script.",
        "Columns: name | rank (1 = most frequent; empty = unranked) | source (pkg, hand) | variant (the",
        "  northern/southern twin: Hoàng/Huỳnh, Vũ/Võ) | note.",
    ]
    return render(header, rows)


def write_given(rows, counts, versions):
    header = [
        "Syllables of Vietnamese given and middle names (tên, tên đệm).",
        f"Source: the PyPI package vn-fullname-generator {versions['vn-fullname-generator']}, files",
        f"male.name ({counts[0]}) and female.name ({counts[1]}), lists of \"middle given\" names",
        "(\"An Khang\", \"Phương Chi\"); licence MIT (see family_names.txt). Each name is split into",
        "syllables: the last counts as given, the others as middle. Rows with source=hand are",
        "common middle names the lists leave out (" + (", ".join(r[0] for r in rows if r[4] == "hand") or "none") + "), written by hand.",
        "Derived by scripts/derive_entity_data.py; do not edit by hand, edit the script.",
        "Most of these syllables are also ordinary words (see words.txt, syllables.txt).",
        "Columns: syllable | as_given (count) | as_middle (count) | gender (m, f: only seen as a given",
        "  name in that list; empty: both or unknown) | source (pkg, hand). Sorted by total count.",
    ]
    return render(header, rows)


# --------------------------------------------------------------------------------------------
# words.txt, syllables.txt
# --------------------------------------------------------------------------------------------


def derive_words(pyvi_dir):
    words = set()
    total = 0
    for line in open(pyvi_dir / "pyvi" / "models" / "words.txt", encoding="utf-8"):
        w = " ".join(nfc(line).split())
        if not w:
            continue
        total += 1
        if " " not in w or w != w.lower() or any(ch.isdigit() for ch in w):
            continue
        words.add(w)
    return sorted(words), total


def write_words(words, total, versions):
    header = [
        "Vietnamese multi-syllable words, lowercase, one per line (syllables separated by a space).",
        f"Source: the PyPI package pyvi {versions['pyvi']} (MIT, (c) 2016 Viet-Trung Tran), file",
        f"pyvi/models/words.txt ({total} entries); kept: entries of two or more syllables, all",
        "lowercase, without digits; NFC. Sorted by code point.",
        "Why not @cspell/dict-vi-vn (MIT), as first planned: its word list holds single syllables",
        "only (see syllables.txt), no multi-syllable words.",
        "Derived by scripts/derive_entity_data.py; do not edit by hand, edit the script.",
        "Some entries are also name pairs (\"an khang\", \"bình minh\"): a capitalized pair in text",
        "may still be a name.",
    ]
    return render(header, words)


def derive_syllables(cspell_pkg, trie_bin, cache):
    raw = gzip.decompress((cspell_pkg / "vi.trie.gz").read_bytes())
    tmp = cache / "vi.trie"
    tmp.write_bytes(raw)
    out = subprocess.run([str(trie_bin), "reader", str(tmp)], check=True, capture_output=True,
                         text=True).stdout
    entries = [nfc(l) for l in out.splitlines() if nfc(l) and nfc(l) != "Reading Trie"]
    # "~word" entries are cspell's accent-stripped forms: left out.
    syl = sorted(set(e for e in entries if not e.startswith("~") and e == e.lower()))
    upper = sorted(set(e for e in entries if not e.startswith("~") and e != e.lower()))
    return syl, len(entries), upper


def write_syllables(syl, total, upper, versions):
    header = [
        "Vietnamese syllables (lowercase), one per line: the spelling dictionary's word list.",
        f"Source: the npm package @cspell/dict-vi-vn {versions['@cspell/dict-vi-vn']} (MIT, (c) 2017-2025",
        "Street Side Software), file vi.trie.gz, read with the npm package cspell-trie",
        f"{PINNED_NPM_TOOL[1]} (MIT). {total} entries; kept: lowercase entries, without cspell's",
        "accent-stripped \"~\" forms. Left out as not syllables or not lowercase: " + ", ".join(upper[:30]) + ".",
        "Derived by scripts/derive_entity_data.py; do not edit by hand, edit the script.",
        "Use: a token that is not a Vietnamese syllable is likely foreign (a foreign name, a brand).",
    ]
    return render(header, syl)


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------


def data_lines(text):
    return [l for l in text.split("\n") if l and not l.startswith("#")]


def check_file_basics(name, text, ncols=None, key_cols=1):
    errs = []
    if text != unicodedata.normalize("NFC", text):
        errs.append(f"{name}: not NFC")
    if not text.startswith("#"):
        errs.append(f"{name}: no # header")
    if "\u00d0" in text:
        errs.append(f"{name}: U+00D0 (eth) where Vietnamese needs U+0110")
    seen = {}
    for i, l in enumerate(data_lines(text)):
        f = l.split("\t")
        if ncols is not None and len(f) != ncols:
            errs.append(f"{name}: {len(f)} columns, want {ncols}: {l!r}")
        if any(x != x.strip() for x in f):
            errs.append(f"{name}: stray whitespace: {l!r}")
        key = tuple(f[:key_cols])
        if key in seen:
            errs.append(f"{name}: duplicate {key!r}")
        seen[key] = i
    return errs


def check_admin(text):
    errs = []
    rows = [l.split("\t") for l in data_lines(text)]
    kinds = collections.Counter(r[0] for r in rows)
    want = {"province": 34, "commune": 3321, "former_province": 63, "former_district": 696}
    for k, n in want.items():
        if kinds[k] != n:
            errs.append(f"admin.tsv: {kinds[k]} {k} rows, want {n}")
    provs = {r[2] for r in rows if r[0] == "province"}
    city = [r[2] for r in rows if r[0] == "province" and r[1] == "thành phố"]
    if sorted(city) != sorted(["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]):
        errs.append(f"admin.tsv: centrally-run cities {city}")
    formers = {r[2] for r in rows if r[0] == "former_province"}
    for r in rows:
        if r[0] in ("former_province", "former_district", "historic_province") and r[4] not in provs:
            errs.append(f"admin.tsv: {r[0]} {r[2]} has successor {r[4]!r}, not one of the 34")
        if r[0] == "commune" and r[3] not in provs:
            errs.append(f"admin.tsv: commune {r[2]} in unknown province {r[3]!r}")
        if r[0] == "former_district" and r[3] not in formers:
            errs.append(f"admin.tsv: former district {r[2]} in unknown former province {r[3]!r}")
        if r[0] == "commune" and r[1] not in ("xã", "phường", "đặc khu"):
            errs.append(f"admin.tsv: commune {r[2]} type {r[1]!r}")
    ct = collections.Counter(r[1] for r in rows if r[0] == "commune")
    if (ct["xã"], ct["phường"], ct["đặc khu"]) != (2621, 687, 13):
        errs.append(f"admin.tsv: commune types {dict(ct)}, want 2621 xã, 687 phường, 13 đặc khu")
    succ = {r[2]: r[4] for r in rows if r[0] == "former_province"}
    for old, new in (("Nam Định", "Ninh Bình"), ("Bình Dương", "Hồ Chí Minh"), ("Bắc Giang", "Bắc Ninh"),
                     ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("Quảng Nam", "Đà Nẵng"),
                     ("Thừa Thiên Huế", "Huế"), ("Hà Giang", "Tuyên Quang"), ("Kon Tum", "Quảng Ngãi")):
        if succ.get(old) != new:
            errs.append(f"admin.tsv: successor of {old} is {succ.get(old)!r}, want {new}")
    # Resolution 202: 23 current provinces from merging, 11 unchanged.
    merged = collections.Counter(succ.values())
    if len(merged) != 34 or sum(1 for v in merged.values() if v == 1) != 11:
        errs.append(f"admin.tsv: successor coverage {dict(merged)}")
    return errs, kinds


def check_hand(out):
    errs = []
    for name, ncols in HAND.items():
        p = out / name
        if not p.exists():
            errs.append(f"{name}: missing")
            continue
        text = p.read_text(encoding="utf-8")
        key_cols = 2 if name == "abbreviations.tsv" else 1
        errs += check_file_basics(name, text, ncols, key_cols)
        rows = [l.split("\t") for l in data_lines(text)]
        if name == "organizations.tsv":
            names = {r[0] for r in rows}
            for r in rows:
                if r[3] and r[3] not in names:
                    errs.append(f"organizations.tsv: successor {r[3]!r} of {r[0]} is not a row")
    return errs


# --------------------------------------------------------------------------------------------


def find_admin_dir(arg):
    cands = [Path(arg)] if arg else [REPO.parent / "shared" / "data" / "admin", Path("/work/shared/data/admin")]
    for c in cands:
        if (c / "admin_units.csv").exists():
            return c
    raise SystemExit("admin CSVs not found; pass --admin DIR")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--admin")
    ap.add_argument("--cache", default="/tmp/vnarticle-entity-src")
    ap.add_argument("--out", default=str(REPO / "src" / "vi" / "entities" / "data"))
    ap.add_argument("--check", action="store_true", help="derive and compare with the files on disk; validate")
    args = ap.parse_args()

    cache = Path(args.cache).resolve()
    if REPO in cache.parents or cache == REPO:
        raise SystemExit("--cache must be outside the repository")
    cache.mkdir(parents=True, exist_ok=True)
    out = Path(args.out)
    admin_dir = find_admin_dir(args.admin)

    loc = npm_package(cache, "cldr-localenames-full", PINNED_NPM["cldr-localenames-full"])
    dates = npm_package(cache, "cldr-dates-full", PINNED_NPM["cldr-dates-full"])
    bcp = npm_package(cache, "cldr-bcp47", PINNED_NPM["cldr-bcp47"])
    cspell = npm_package(cache, "@cspell/dict-vi-vn", PINNED_NPM["@cspell/dict-vi-vn"])
    trie_bin = npm_tool(cache, *PINNED_NPM_TOOL)
    vau = pypi_package(cache, "vietnamadminunits", PINNED_PYPI["vietnamadminunits"])
    gen = pypi_package(cache, "vn-fullname-generator", PINNED_PYPI["vn-fullname-generator"])
    pyvi = pypi_package(cache, "pyvi", PINNED_PYPI["pyvi"])
    tzd = pypi_package(cache, "tzdata", PINNED_PYPI["tzdata"])

    # Licences, as the packages state them: stop if one changed.
    lic_checks = [
        (json.load(open(loc / "package.json"))["license"], "Unicode-3.0"),
        (json.load(open(dates / "package.json"))["license"], "Unicode-3.0"),
        (json.load(open(bcp / "package.json"))["license"], "Unicode-3.0"),
        (json.load(open(cspell / "package.json"))["license"], "MIT"),
    ]
    for d, want in ((vau, "MIT"), (gen, "MIT"), (pyvi, "MIT"), (tzd, "Apache-2.0")):
        meta = next(d.glob("*.dist-info/METADATA")).read_text(encoding="utf-8")
        got = "MIT" if ("License :: OSI Approved :: MIT License" in meta or "License: MIT" in meta
                        or "License-Expression: MIT" in meta) else (
            "Apache-2.0" if "Apache-2.0" in meta else "?")
        lic_checks.append((got, want))
    for got, want in lic_checks:
        if got != want:
            raise SystemExit(f"licence changed: {got} != {want}")

    versions = dict(PINNED_PYPI)
    versions.update(PINNED_NPM)
    versions["cldr"] = PINNED_NPM["cldr-localenames-full"]

    files = {}
    admin_rows, admin_stats = derive_admin(admin_dir, vau)
    files["admin.tsv"] = write_admin(admin_rows, admin_stats, versions)
    country_rows, country_names = derive_countries(loc)
    territory_names = set()
    for r in country_rows:
        territory_names.add(r[2])
        territory_names.update(a for a in r[3].split("|") if a)
        territory_names.update(a for a in r[4].split("|") if a)
    files["countries.tsv"] = write_countries(country_rows, versions)
    files["cities.tsv"] = write_cities(derive_cities(dates, bcp, tzd, country_names, territory_names), versions)
    fam, giv, counts = derive_names(gen)
    files["family_names.txt"] = write_family(fam, versions)
    files["given_names.txt"] = write_given(giv, counts, versions)
    words, total = derive_words(pyvi)
    files["words.txt"] = write_words(words, total, versions)
    syl, stotal, upper = derive_syllables(cspell, trie_bin, cache)
    files["syllables.txt"] = write_syllables(syl, stotal, upper, versions)

    print("\n".join(admin_stats["report"]), file=sys.stderr)
    if admin_stats["split_districts"]:
        print("districts whose wards went to more than one province:", admin_stats["split_districts"],
              file=sys.stderr)

    errs = []
    ncols = {"admin.tsv": 7, "countries.tsv": 6, "cities.tsv": 5, "family_names.txt": 5,
             "given_names.txt": 5, "words.txt": 1, "syllables.txt": 1}
    keycols = {"admin.tsv": 4, "countries.tsv": 3}
    for name, text in files.items():
        errs += check_file_basics(name, text, ncols[name], keycols.get(name, 1))
    e, kinds = check_admin(files["admin.tsv"])
    errs += e

    if args.check:
        for name, text in files.items():
            p = out / name
            if not p.exists() or p.read_text(encoding="utf-8") != text:
                errs.append(f"{name}: differs from what the script derives (run it without --check)")
        errs += check_hand(out)
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (out / name).write_text(text, encoding="utf-8")
        errs += check_hand(out)

    for name in sorted(set(files) | set(HAND)):
        p = out / name
        if p.exists():
            n = len(data_lines(p.read_text(encoding="utf-8")))
            print(f"{name:20s} {n:6d} rows {p.stat().st_size:8d} bytes", file=sys.stderr)
    print("admin kinds:", dict(kinds), file=sys.stderr)
    if errs:
        print("\n".join(errs), file=sys.stderr)
        sys.exit(1)
    print("ok", file=sys.stderr)


if __name__ == "__main__":
    main()
