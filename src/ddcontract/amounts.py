"""Numbers and amounts of money as contracts write them: figures in English and Danish notation
("2,000,000", "2.000.000", "2,5"), number words ("seventy-two", "ONE HUNDRED", "fireogtyve"), and
amounts with their ISO 4217 currency ("EUR 1,000,000", "2 mio. kr.", "five hundred thousand euros")."""

from __future__ import annotations

import re
from typing import Any

# ---------------------------------------------------------------- numbers

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    # Danish
    "nul": 0, "en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14,
    "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
    "tyve": 20, "tredive": 30, "fyrre": 40, "halvtreds": 50, "tres": 60, "halvfjerds": 70,
    "firs": 80, "halvfems": 90,
}
NUMBER_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
               r"|one hundred|a hundred|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
               r"|(?:en|to|tre|fire|fem|seks|syv|otte|ni)og(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems)"
               r"|tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems|et|én|ét|tre|fire|fem|seks|syv|otte|ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten)")


# Danish number words that are also English words ("to", "en", "et", "ni") count only in Danish text
NUMBER_WORD_DA = r"(?:" + NUMBER_WORD + r"|to|en|ni)"


def word_to_number(text: str) -> int | None:
    t = text.lower().strip()
    if t in _UNITS:
        return _UNITS[t]
    if t in _TENS:
        return _TENS[t]
    if t in ("one hundred", "a hundred", "hundrede"):
        return 100
    m = re.fullmatch(r"(.+?(?:[- ]hundred))\s+(?:and\s+)?(.+)", t)  # "two hundred and fifty"
    if m and (hundreds := word_to_number(m.group(1))) is not None and (rest := word_to_number(m.group(2))) is not None \
            and 0 < rest < 100:
        return hundreds + rest
    m = re.fullmatch(r"(.+?)(?:[- ]hundred|[- ]?hundrede)", t)  # "five hundred", "fem hundrede", "femhundrede"
    if m and (base := word_to_number(m.group(1))) is not None and 0 < base < 10:
        return base * 100
    m = re.fullmatch(r"(\w+)[- ](\w+)", t)
    if m and m.group(1) in _TENS and m.group(2) in _UNITS:
        return _TENS[m.group(1)] + _UNITS[m.group(2)]
    m = re.fullmatch(r"(.*?hundrede)\s?og\s?(.+)", t)  # Danish "trehundredeoghalvtreds" = 300 + 50
    if m and (hundreds := word_to_number(m.group(1))) is not None and (rest := word_to_number(m.group(2))) is not None \
            and 0 < rest < 100:
        return hundreds + rest
    m = re.fullmatch(r"(\w+?)og(\w+)", t)  # Danish "fireogtyve" = 4 + 20
    if m and m.group(1) in _UNITS and m.group(2) in _TENS:
        return _UNITS[m.group(1)] + _TENS[m.group(2)]
    return None


# Indian grouping, read before the others: "5,00,000" (five lakh), "1,00,00,000" (one crore)
_INDIAN_GROUPING = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"


def parse_number(text: str, lang: str = "en") -> float | None:
    """'2,000,000' -> 2000000; '2.000.000' -> 2000000; '2.5' -> 2.5; '2,5' -> 2.5.

    A single group of three digits after one separator is read the language's way: "1,500" is
    fifteen hundred in English and one and a half in Danish; "1.500" is fifteen hundred in both
    (an English writer does not put three decimals on an amount or a deadline).
    """
    s = re.sub(r"[\s'’\u00a0]", "", text)
    if not s:
        return None
    if s.endswith("½") and (s[:-1].isdigit() or s == "½"):  # "1½ mio. kr."
        return float(s[:-1] or 0) + 0.5
    if re.fullmatch(_INDIAN_GROUPING, s):
        return float(s.replace(",", ""))
    if lang == "da" and re.fullmatch(r"\d{1,3},\d{3}", s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:([,.])\d{3})(?:\1\d{3})*", s):
        return float(re.sub(r"[,.]", "", s))
    if "," in s and "." in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif "," in s:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value



# ---------------------------------------------------------------- money

# ISO 4217 codes, read in any case before or after a figure; not the codes that are also words, names or other
# abbreviations a contract uses (ALL, TRY, RON, TOP, CUP, MOP, PEN, GEL, BOB, RUB, SOS, MAD, LYD, MUR, LAK, BAM, COP,
# CVE, CRC, BSD, AMD, IRR, CDF, SDG, KGS, BTN) — PHP only before a figure of thousands (``_LOCAL_PREFIX``)
_CUR_CODES = (r"EUR|USD|GBP|DKK|SEK|NOK|CHF|CAD|AUD|JPY|NZD|PLN|ZAR|INR|HKD|SGD|BRL|MXN|ISK|NPR|PKR|LKR|KES|NGN|AED|SAR|ILS|CNY|"
              r"KRW|TWD|THB|MYR|IDR|CZK|HUF|BGN|EGP|OMR|BHD|QAR|KWD|JOD|IQD|LBP|TND|DZD|GHS|UGX|TZS|RWF|ETB|ZMW|BWP|NAD|"
              r"MWK|MZN|AOA|XOF|XAF|XPF|SCR|MGA|VND|KZT|UZS|UAH|RSD|MKD|BYN|MDL|AZN|HRK|ARS|CLP|UYU|PYG|DOP|GTQ|HNL|NIO|"
              r"PAB|JMD|TTD|BBD|BDT|MMK|KHR|BND|FJD|PGK|MVR|MNT")
# a currency's local abbreviation, read only in its own case before a figure of thousands or a multiplier, where it
# cannot be a word: "RO 100,000" (Omani rial), "BD 75,000", "QR 2 million", "SR 50,000", "RM300,000.00", "Php
# 1,500,000.00", "Kshs. 2,000,000", "N20 million", "Dhs 150,000", "TSh 5,000,000"
_LOCAL_PREFIX = (r"(?-i:RO|BD|QR|SR|RM|Rp|Dhs?|AED|Php|PHP|Kshs?\.?|KShs?\.?|Ksh|KSh|TShs?\.?|TSh|UShs?\.?|USh|GH₵|₵|N|zł)"
                 r"(?=\s?\d{1,3}(?:,\d{3})+(?!\d|,\d)|\s?\d+(?:[.,]\d+)?\s?(?:million|billion|m|bn)\b)")
# a code before a dollar sign names the dollar: "CAD $100", "AUD$ 5,000", "USD $1,000"
_CUR_PREFIX = (r"(?P<pcur>(?:" + _CUR_CODES + r")\s?\$|" + _CUR_CODES + r"|" + _LOCAL_PREFIX + r"|Ringgit Malaysia|RMB|US\s?\$|U\.S\.\s?\$|AU\$|NZ\$|CDN\s?\$|CA\$|HK\$|SG\$|C\$|A\$|S\$|\$|€|£|¥|Baht|Euros?|"
               r"₹|₦|₱|₩|₺|₪|₫|₴|₽|฿|(?<![A-Za-z])R\$|(?<![A-Za-z0-9&])R(?=\s?\d{1,3}(?:[ ,\u00a0]\d{3})+(?:[.,]\d{2})?(?![\d,])|\d+\.\d{2}(?!\d))|(?<![A-Za-z])Rs\.?|kr\.?)")
_AMOUNT = (r"(?P<num>" + _INDIAN_GROUPING + r"(?![\d,])|\d{1,3}(?:[,.' \u00a0]\d{3})+(?:[.,]\d{1,2})?|\d*½|"
           r"\d+(?:[.,]\d+)?)")
# currencies named in words after the figure ("100,000 Omani rials", "5,000,000 Baht", "2 mio. svenske kroner")
_NAMED = {
    "omani rials?": "OMR", "rials? omani": "OMR", "qatari riyals?": "QAR", "saudi riyals?": "SAR", "riyals? saudi": "SAR",
    "(?:uae|emirati) dirhams?": "AED", "dirhams?": "AED", "bahraini dinars?": "BHD", "kuwaiti dinars?": "KWD",
    "jordanian dinars?": "JOD", "kenyan shillings?": "KES", "ugandan shillings?": "UGX", "tanzanian shillings?": "TZS",
    "swiss francs?": "CHF", "swedish kron(?:or|a)": "SEK", "norwegian kron(?:er|e)": "NOK", "danish kron(?:er|e)": "DKK",
    "svenske kroner": "SEK", "norske kroner": "NOK", "schweizerfranc": "CHF", "philippine pesos?": "PHP",
    "mexican pesos?": "MXN", "ringgit(?: malaysia)?": "MYR", "(?:thai )?baht": "THB", "rupiah": "IDR", "zlot(?:y|ys|ych)": "PLN",
    "(?:czech )?korun[ay]?": "CZK", "forints?": "HUF", "south african rand": "ZAR", "indian rupees": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR", "nigerian naira": "NGN",
    "ghanaian cedis?": "GHS", "cedis?": "GHS", "egyptian pounds": "EGP", "korean won": "KRW", "new taiwan dollars": "TWD",
    "brazilian reais": "BRL", "reais": "BRL", "turkish lira": "TRY", "israeli (?:new )?shekels?": "ILS", "shekels?": "ILS",
    "vietnamese dong": "VND", "icelandic kr[oó]n(?:ur|a)": "ISK",
}
# a dash for no øre/cents after the figure: "300.000,- kr.", "EUR 25.000,-", "kr. 1.500,--"
_NO_CENTS = r"(?:,-{1,2}|\.-{1,2})?"
_MULT = (r"(?:\s?(?P<mult>millioner|million|millions|lakhs?|crores?|mio\.?|mill\.?|mn|mm|m|thousand|tusind|tusinde|k|billion|bn|mia\.?|"
         r"milliarder?))?(?![A-Za-zÆØÅæøå])")
_CUR_SUFFIX = (r"(?P<scur>" + _CUR_CODES + r"|euros?|(?:canadian|australian|new zealand|hong kong|singapore|"
               r"united states|u\.s\.?) dollars|dollars|US dollars|pounds(?: sterling)?|sterling|"
               r"(?:" + "|".join(sorted(_NAMED, key=len, reverse=True)) + r")|"
               r"(?:danske )?kroner|rand|rupees|naira|yen|RMB|yuan|renminbi|t\.\s?kr\.?|tkr\.?|tdkk|kr\.?|Kč|zł|"
               # the Turkish lira's own abbreviation, in capitals after a figure ("begrænset til 100 TL")
               r"(?-i:TL))")
_MONEY_PREFIX = re.compile(_CUR_PREFIX + r"\s?" + _AMOUNT + _NO_CENTS + _MULT, re.IGNORECASE)
_MONEY_SUFFIX = re.compile(_AMOUNT + _NO_CENTS + _MULT + r"\s?" + _CUR_SUFFIX + r"(?![a-z])", re.IGNORECASE)
# thousands of kroner: "250 t.kr.", "500 tkr.", "TDKK 750"
_THOUSAND_KRONER = re.compile(r"t\.?\s?kr\.?|tdkk", re.IGNORECASE)
# "two million dollars", "ONE HUNDRED DOLLARS", "five hundred thousand euros" ("a" only before a multiplier)
_MONEY_WORDS = re.compile(r"(?<!\band\s)\b(?P<word>(?:(?:" + NUMBER_WORD + r")[- ]hundred|one hundred|a hundred)"
                          r"(?:\s+(?:and\s+)?(?:" + NUMBER_WORD + r"))?|(?:" + NUMBER_WORD + r")(?:\s+and\s+a\s+half)?|half\s+a|a)"
                          r"(?:\s+(?P<mult>million|thousand|billion))?\s+"
                          + _CUR_SUFFIX + r"(?![A-Za-z])", re.IGNORECASE)
# ("fem hundrede tusinde", "syvhundredetusinde kroner", "hundredetusinde euro", "tre og en halv million kroner")
# ("en million femhundredetusinde kroner", "trehundredeoghalvtredstusinde kroner": millions before, tens after "og")
_MONEY_WORDS_DA = re.compile(r"\b(?:(?P<mio>" + NUMBER_WORD_DA + r")\s+million(?:er)?\s+(?:og\s+)?)?"
                             r"(?P<word>(?:(?:" + NUMBER_WORD_DA + r")\s?)?hundrede(?:\s?og\s?[a-zæøå]+?)?|(?:" + NUMBER_WORD_DA + r")"
                             r"(?:\s+og\s+en\s+halv)?|halvanden|(?:en\s+)?halv)\s*"
                             r"(?P<mult>millioner|million|mio\.|tusind|tusinde|milliarder|milliard|mia\.)\s*"
                             + _CUR_SUFFIX + r"(?![A-Za-zÆØÅæøå])", re.IGNORECASE)
_CURRENCY = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "usd$": "USD", "dollars": "USD", "us dollars": "USD",
    "u.s. dollars": "USD", "u.s dollars": "USD", "united states dollars": "USD", "canadian dollars": "CAD", "australian dollars": "AUD",
    "new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
    "c$": "CAD", "ca$": "CAD", "cdn$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD", "sg$": "SGD", "s$": "SGD", "€": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "¥": "JPY", "kr": "DKK", "kr.": "DKK", "kroner": "DKK",
    "danske kroner": "DKK", "₹": "INR", "rs": "INR", "rs.": "INR", "rupees": "INR", "rand": "ZAR", "r": "ZAR", "naira": "NGN", "yen": "JPY", "₦": "NGN", "₱": "PHP", "₩": "KRW", "₺": "TRY", "₪": "ILS",
    "₫": "VND", "₴": "UAH", "₽": "RUB", "฿": "THB", "r$": "BRL", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY",
    # the local abbreviations of _LOCAL_PREFIX
    "ro": "OMR", "bd": "BHD", "qr": "QAR", "sr": "SAR", "rm": "MYR", "ringgit malaysia": "MYR", "rp": "IDR",
    "dh": "AED", "dhs": "AED", "php": "PHP", "ksh": "KES", "kshs": "KES", "ksh.": "KES", "kshs.": "KES",
    "tsh": "TZS", "tshs": "TZS", "tsh.": "TZS", "tshs.": "TZS", "ush": "UGX", "ushs": "UGX", "ush.": "UGX",
    "ushs.": "UGX", "gh₵": "GHS", "₵": "GHS", "n": "NGN", "zł": "PLN", "baht": "THB", "kč": "CZK", "tl": "TRY",
}
_MULTIPLIER = {"million": 1e6, "millions": 1e6, "mio": 1e6, "mio.": 1e6, "mill": 1e6, "mill.": 1e6, "mn": 1e6, "mm": 1e6,
               "m": 1e6, "thousand": 1e3, "k": 1e3, "millioner": 1e6, "tusind": 1e3, "tusinde": 1e3, "billion": 1e9, "bn": 1e9, "mia": 1e9, "mia.": 1e9,
               "milliard": 1e9, "milliarder": 1e9,
               "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}


_CODES = frozenset(_CUR_CODES.split("|"))
_NAMED_RX = [(re.compile(k + r"$"), v) for k, v in _NAMED.items()]
# a figure in dollars whose kind is said after it: "$500,000 in Canadian funds", "$10k (US dollars)"
# the dollars a contract may name besides the US dollar ("New Zealand dollars"; ``terms.declared_dollar`` reads them too)
OTHER_DOLLARS = r"canadian|australian|new zealand|hong kong|singapore"
_DOLLAR_KIND = re.compile(r"[\s()]*(?:in\s+)?(" + OTHER_DOLLARS + r"|us|u\.s\.|united states)\s+"
                          r"(?:funds|dollars|currency)", re.IGNORECASE)
DOLLAR_CODES = {"canadian": "CAD", "australian": "AUD", "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD",
                "us": "USD", "u.s.": "USD", "united states": "USD"}


def _currency(raw: str) -> str:
    key = re.sub(r"\s", "", raw.lower()) if "$" in raw else " ".join(raw.lower().split())
    code = key[:-1] if key.endswith("$") and key[:-1].upper() in _CODES else key  # "cad$" (from "CAD $100") is CAD
    if code.upper() in _CODES:
        return code.upper()
    if key in _CURRENCY:
        return _CURRENCY[key]
    for rx, iso in _NAMED_RX:
        if rx.match(key):
            return iso
    return _CURRENCY.get(key, key.upper())


def _bare_dollar(item: dict[str, Any]) -> bool:
    return item["text"].lstrip("( ").startswith("$")


def find_money(text: str, lang: str = "en") -> list[dict[str, Any]]:
    """All amounts with a currency in ``text``, in order: [{amount, currency, start, end, text}]."""
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    words = _MONEY_WORDS_DA if lang == "da" else _MONEY_WORDS
    for regex, cur_group in ((_MONEY_PREFIX, "pcur"), (_MONEY_SUFFIX, "scur"), (words, "scur")):
        for m in regex.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if "word" in m.groupdict():
                w = m.group("word").lower()
                # "halv", "en halv", "tre og en halv" (million)
                # ("one and a half million euros", "half a million pounds")
                half = re.fullmatch(r"(?:(.+?)\s+og\s+)?(?:en\s+)?halv|(?:(.+?)\s+and\s+)?a\s+half|half\s+a", w)
                base = (1.0 if w == "a" else 1.5 if w == "halvanden"
                        else (word_to_number(half.group(1) or half.group(2) or "") or 0) + 0.5 if half else word_to_number(w))
                if base is None or (w in ("a", "half a") and not m.group("mult")):
                    continue
                value: float | None = float(base)
            else:
                num = m.group("num")
                # three digits after a comma and no multiplier are thousands in Danish text too: "begrænset til GBP
                # 50,000" (a Danish decimal comma has one or two: "2,5 mio. kr.", "kr. 1.000,00")
                plain = lang == "da" and not m.group("mult") and re.fullmatch(r"\d{1,3}(?:,\d{3})+", num)
                value = parse_number(num, "en" if plain else lang)
            if value is None:
                continue
            mult = (m.group("mult") or "").lower()
            if mult == "m" and regex is _MONEY_PREFIX and text[m.end():m.end() + 1].isalpha():
                mult = ""
            value *= _MULTIPLIER.get(mult, 1)
            if m.groupdict().get("mio") and mult in ("tusind", "tusinde"):
                value += (word_to_number(m.group("mio")) or 0) * 1e6  # "en million femhundredetusinde"
            cur = m.group(cur_group)
            if _THOUSAND_KRONER.fullmatch(cur):
                value *= 1000
                cur = "DKK"
            kr_first = cur.lower().startswith("kr") and regex is _MONEY_PREFIX
            ahead = text[max(0, m.start() - 8):m.start()]
            if kr_first and re.search(r"(?<![A-Za-zÆØÅæøå])t\.?\s?$", ahead):
                value *= 1000  # "t.kr. 500": the "t." before "kr." is thousands
            elif kr_first and not mult and (before := re.search(r"(?<![A-Za-zÆØÅæøå])(mio|mill|mia)\.?\s?$", ahead)):
                value *= _MULTIPLIER[before.group(1).lower()]  # "mio. kr. 4,5": the multiplier before "kr."
            if kr_first and not re.match(r"\s?\d", text[m.end(cur_group):]):
                continue
            currency = _currency(cur)
            if cur == "$" and (kind := _DOLLAR_KIND.match(text, m.end())):
                currency = DOLLAR_CODES[kind.group(1).lower()]
            found.append({"amount": plain_number(round(value, 2)), "currency": currency,
                          "start": m.start(), "end": m.end(), "text": m.group(0), "words": "word" in m.groupdict()})
            taken.append((m.start(), m.end()))
    found.sort(key=lambda x: x["start"])
    # "Two Million Dollars ($2,000,000)": the same amount in words and in figures is one amount; a bare "$" beside
    # a named currency is that currency ("fifty Canadian dollars ($50)")
    deduped: list[dict[str, Any]] = []
    for item in found:
        prev = deduped[-1] if deduped else None
        # (the figures decide when the words were read short: "two hundred and fifty thousand pounds (£250,000)")
        if prev and (prev["amount"] == item["amount"] or (prev["words"] and not item["words"])) \
                and re.fullmatch(r"[\s(]*", text[prev["end"]:item["start"]]) \
                and (prev["currency"] == item["currency"] or _bare_dollar(item) or _bare_dollar(prev)):
            prev["amount"] = item["amount"]
            if _bare_dollar(prev) or (_bare_dollar(item) and item["currency"] != "USD"):
                prev["currency"] = item["currency"]  # "… dollars ($500,000) in Canadian funds"
            prev["end"] = item["end"]
            continue
        deduped.append(item)
    return deduped


def extract_money(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    money = find_money(text, lang)
    # an amount that is a floor, a fee, a deductible or a penalty beside the cap is not the cap ("insurance of not less
    # than £5m", "the minimum annual fee is USD 12,000", "bod på 5.000 kr.")
    money = [m for m in money if not _NOT_A_CAP.search(text[max(0, m["start"] - 80):m["start"]])
             and not (_CURRENT_BASE.search(text[max(0, m["start"] - 40):m["start"]])
                      and _MULTIPLE.search(text[:m["start"]]))]
    # a floor beside a ceiling ("however never less than DKK 1 mio. and never more than DKK 5 mio.", "dog mindst 1 mio.
    # kr. og højst 5 mio. kr."): the ceiling is the cap; a floor alone ("25 % af kontraktsummen, dog mindst 1 mio. kr.")
    # is the sum there is
    floors = [m for m in money if _FLOOR.search(text[max(0, m["start"] - 30):m["start"]])]
    if floors and len(floors) < len(money):
        money = [m for m in money if m not in floors]
    if not money:
        return {}
    after = [m for m in money if m["start"] >= anchor]
    candidates = after or money
    pick = candidates[0]
    # a cap per claim and a cap for all claims together ("EUR 100,000 per claim and EUR 500,000 in any contract year",
    # "500 t.kr. pr. skadestilfælde og samlet 1,5 mio. kr."): the aggregate is the most a party can owe
    # (the aggregate may come first and the rule match the per-claim limit after it: "begrænset til et samlet beløb på
    # DKK 5 mio., dog således at ansvaret pr. skadebegivenhed ikke kan overstige DKK 2 mio.")
    if len(money) > 1 and _scope(text, money, pick) == "claim":
        pick = next((m for m in [*candidates[1:], *money] if m is not pick and m["currency"] == pick["currency"]
                     and _scope(text, money, m) == "aggregate"), pick)
    # the customer's cap and the provider's side by side ("The Customer's liability … shall not exceed AUD 100,000. The
    # Supplier's liability shall not exceed AUD 3 million."): the provider's is the one the requirement asks about
    if len(candidates) > 1 and _whose_cap(text, pick) == "customer":
        pick = next((m for m in candidates if m is not pick and _whose_cap(text, m) == "provider"), pick)
    return {"amount": pick["amount"], "currency": pick["currency"]}


# whose liability an amount caps: the last party named as the holder of a liability before it, in its sentence
# the parties a cap may be for, by role (the Danish without its ending)
_HOLDERS = (r"(?:(?P<customer>customer|client|buyer|purchaser|licensee|subscriber|member|user|tenant|kunde|køber|licenstager|"
            r"abonnent|medlem|bruger|lejer)|"
            r"(?P<provider>supplier|provider|vendor|contractor|licensor|processor|consultant|agency|host|leverandør|udbyder|"
            r"databehandler|licensgiver|konsulent|bureau|vært))")
_CAP_HOLDER = re.compile(
    r"\b" + _HOLDERS +
    r"(?:['’]s|ens|ns|s|en|n|mets|met|ets|et)?\s+(?:(?:total|aggregate|entire|maximum|samlede|maksimale|samlet)\s+)?"
    r"(?:liability|ansvar|erstatningsansvar|hæftelse|hæfter|er\s+ansvarlig)", re.IGNORECASE)


def cap_holder(text: str) -> str | None:
    """Whose liability a sentence caps, by the first holder of a liability it names: "customer", "provider" or None
    ("Each party's liability …", or no holder named)."""
    m = _CAP_HOLDER.search(text)
    return None if m is None else "customer" if m.group("customer") else "provider"


# the holder named right after the amount: "limited to EUR 100,000 in the case of the Customer and EUR 400,000 in the case of
# the Supplier", "begrænset til 200.000 kr. for Kunden og 1 mio. kr. for Leverandøren"
_HOLDER_AFTER = re.compile(
    r"\s*(?:in\s+the\s+case\s+of|in\s+respect\s+of|on\s+the\s+part\s+of|i\s+forhold\s+til|for\s+så\s+vidt\s+angår|for)\s+"
    r"(?:the\s+)?" + _HOLDERS + r"(?:en|n|et)?\b", re.IGNORECASE)


def _whose_cap(text: str, item: dict[str, Any]) -> str | None:
    if after := _HOLDER_AFTER.match(text, item["end"]):
        return "customer" if after.group("customer") else "provider"
    start = max((m.end() for m in re.finditer(r"[.;!?](?:\s|$)", text[:item["start"]])), default=0)
    holders = list(_CAP_HOLDER.finditer(text, start, item["start"]))
    if not holders:
        return None
    return "customer" if holders[-1].group("customer") else "provider"


_FLOOR = re.compile(r"\b(?:(?:never|not|no)\s+less\s+than|at\s+least|a\s+minimum\s+of|mindst|"
                    r"(?:ikke|aldrig)\s+mindre\s+end)\s*$", re.IGNORECASE)
_NOT_A_CAP = re.compile(r"(?:insurance|insured|forsikring\w*|dækning\w*)\b[^.;]{0,40}?(?:(?:not|no)\s+less\s+than|at\s+least|mindst|"
                        r"minimum(?:\s+of)?)\s*$|minimum\s+(?:annual\s+|monthly\s+)?fee\s+(?:is|of)\s*$|"
                        r"deductible\s+(?:of|not\s+exceeding)\s*$|\bselvrisiko\s+(?:på|af)\s*$|\bbod\s+på\s*$|"
                        r"insurance\s+(?:cover\s+)?of\s*$|\bforsikringssum\s+på\s*$|"
                        # an estimate of the charges a cap is a multiple of: "the Annual Charges … are estimated at £180,000"
                        r"\b(?:estimated|expected|anticipated|forecast|projected)\s+(?:to\s+(?:be|amount\s+to)\s+|at\s+)"
                        r"(?:approximately\s+|about\s+|around\s+)?$|"
                        r"\b(?:anslået|anslås|estimeret|estimeres|forventes\s+at\s+udgøre|forventet)\s+(?:til\s+)?(?:ca\.\s+|cirka\s+)?$",
                        re.IGNORECASE)
# the present size of the charges a cap is a multiple of: "three times the annual fees, which are currently HK$120,000",
# "150 % af vederlaget, der p.t. udgør 400.000 kr." (the current figure of a cap that is a sum itself is the cap: "det til
# enhver tid gældende forsikringsbeløb, p.t. 5 mio. kr.")
_CURRENT_BASE = re.compile(r"\b(?:currently|presently|at\s+present|now|p\.\s?t\.|pt\.|i\s+øjeblikket|for\s+tiden)\W+"
                           r"(?:(?:at|approximately|about|around|udgør|er|ca\.|cirka|på)\W+){0,2}$", re.IGNORECASE)
_MULTIPLE = re.compile(r"\b(?:times|twice|double|triple|treble|gange|dobbelte|dobbelt|tredobbelte)\b|\d\s?%|\bprocent\b",
                       re.IGNORECASE)
_PER_CLAIM = re.compile(r"\b(?:per|each|any\s+(?:one|single)|a\s+single)[\s-]+(?:claim|incident|event|occurrence)\b|"
                        r"\bin\s+(?:relation|respect)\s+(?:to|of)\s+any\s+(?:one\s+)?(?:event|claim|incident|occurrence)\b|"
                        r"\bpr\.?\s+(?:skadestilfælde|skadetilfælde|krav|hændelse|skade|skadesbegivenhed|skadebegivenhed)\b|"
                        # "for hvert krav", "for et enkelt skadestilfælde", "for det enkelte krav"; "for each single claim"
                        r"\bfor\s+(?:hvert\s+|et\s+|det\s+enkelte\s+)(?:enkelt\s+)?(?:krav|skadestilfælde|tilfælde)\b|"
                        r"\b(?:each|every)\s+single\s+(?:claim|incident|event)\b", re.IGNORECASE)
_AGGREGATE = re.compile(r"\baggregate\b|\bin\s+total\b|\ball\s+(?:claims|incidents|events)\b|\bannual\b|\bwhole\s+term\b|"
                        r"\boverall\b|\b(?:during|throughout|over)\s+the\s+(?:term|contract\s+term)\b|"
                        r"\b(?:per|each|any|a|in\s+any)\s+(?:contract\s+|calendar\s+|financial\s+)?(?:year|annum)\b|"
                        r"\bsamlet\b|\bsamlede\b|\bi\s+alt\b|\b(?:alle|samtlige)\s+(?:krav|skadestilfælde|skadetilfælde|skadesbegivenheder|"
                        r"skadebegivenheder|hændelser|tilfælde)\b|\binden\s+for\s+(?:samme|et|ét)\s+(?:kalender|kontrakt)?år\b|"
                        r"\bpr\.?\s+(?:kalender|kontrakt)?år\b|\bom\s+året\b|\bi\s+et\s+(?:kalender|kontrakt)?år\b|\bløbetid\b",
                        re.IGNORECASE)
_SCOPE_END = re.compile(r"[,;:]|\.(?=\s+(?-i:[A-ZÆØÅ])|\s*$)|\b(?:and|og|but|dog|save|except|bortset)\b", re.IGNORECASE)


# a cap for one kind of claim only: claims for a data-protection, confidentiality or security breach, or under an
# indemnity ("liability … arising from its breach of the Data Protection Legislation shall not exceed £40,000"; "for krav
# vedrørende persondata gælder et særskilt loft"); the general cap beside it is the one a lawyer reads first. Those words
# named as an exception to a general cap ("Except for breaches of confidentiality, aggregate liability …") do not count.
_SPECIAL_CLAIMS = re.compile(
    r"\b(?:claims?|liability|losses|damages)\s+(?:[\w’'-]+\W+){0,6}?(?:for|arising\s+(?:out\s+of|from|under)|in\s+respect\s+of|"
    r"relating\s+to|in\s+relation\s+to|resulting\s+from|under)\s+(?:[\w’'-]+\W+){0,6}?(?:data\s+protection|privacy|personal\s+data|"
    r"confidential\w*|(?:security|data)\s+breach\w*|indemnit\w*)|"
    r"\bkrav\s+(?:[\wæøå]+\W+){0,5}?(?:persondata\w*|databeskyttelse\w*|fortrolighed\w*|sikkerhedsbrud\w*|skadesløs\w*)|"
    r"\bsærskilt\w*\s+(?:ansvars|erstatnings)?(?:loft|grænse|begrænsning)|\bsærlig\w*\s+(?:ansvars|erstatnings)(?:loft|grænse|begrænsning)",
    re.IGNORECASE)
_EXCEPT = re.compile(r"\b(?:except|excluding|other\s+than|save|apart\s+from|undtagen|bortset\s+fra|med\s+undtagelse\s+af)\b[^.;]{0,80}$",
                     re.IGNORECASE)


def special_cap(text: str) -> bool:
    """Whether a sentence's cap is for one kind of claim only (data protection, confidentiality, an indemnity)."""
    return any(not _EXCEPT.search(text[:m.start()]) for m in _SPECIAL_CLAIMS.finditer(text))


# a ceiling on a remedy, not on liability: service credits or compensation for missed service levels, a penalty ("Service
# credits in any month shall not exceed 15% of the monthly fees"; "kompensation på 5 % …, dog højst 25 % af månedens
# vederlag"; "Boden … kan ikke overstige 50 %"). A sentence that also speaks of liability, loss or damage limits liability
# ("total liability for SLA violations is limited to service credits"; "krav på kompensation … begrænset til det typiske
# tab") and is a cap like any other.
_REMEDY = re.compile(r"\b(?:(?:service|financial|sla)[\s-]+(?:level\s+)?credits?|credits?\s+(?:for|in|per)\s+(?:any|a|each|the)\b|"
                     r"(?:maximum|total|aggregate)\s+(?:total\s+)?credits?|compensation|penalt(?:y|ies)|"
                     r"servicekredit\w*|kreditering\w*|kompensation\w*|bod|boden|bøder|dagbod\w*|konventionalbod\w*|"
                     r"godtgørelse\w*)\b", re.IGNORECASE)
_LIABILITY_WORD = re.compile(r"\b(?:liab\w*|damages?|loss(?:es)?|indemn\w*|responsib\w*|\w*ansvar\w*|\w*erstatning\w*|"
                             r"hæft\w*|tab\w*|skade\w*)\b", re.IGNORECASE)


def remedy_cap(text: str) -> bool:
    """Whether a sentence caps service credits, service-level compensation or a penalty rather than liability."""
    return bool(_REMEDY.search(text)) and not _LIABILITY_WORD.search(text)


def sentence_scope(text: str) -> str | None:
    """Whether a sentence states its cap per claim only ("claim") or for all claims together ("aggregate"), or neither
    or both (None): "liability in relation to any event … will not exceed £10" against "aggregate liability … £100"."""
    per, whole = bool(_PER_CLAIM.search(text)), bool(_AGGREGATE.search(text))
    return "claim" if per and not whole else "aggregate" if whole and not per else None


def _scope(text: str, money: list[dict[str, Any]], item: dict[str, Any]) -> str | None:
    """Whether an amount is stated per claim or for all claims together ("claim", "aggregate" or None): the words
    between it and the amount before it, and after it up to the next comma or "and"; the nearer marker decides."""
    prev_end = max((m["end"] for m in money if m["end"] <= item["start"]), default=0)
    next_start = min((m["start"] for m in money if m["start"] >= item["end"]), default=len(text))
    before = text[max(prev_end, item["start"] - 80):item["start"]]
    if prev_end and prev_end >= item["start"] - 80 and (own := _SCOPE_END.search(before)):
        before = before[own.end():]  # "USD 500,000 per claim and USD 2m …": "per claim" is the amount before's
    stop = _SCOPE_END.search(text, item["end"], next_start)
    after = text[item["end"]:stop.start() if stop else min(next_start, item["end"] + 40)]
    best: tuple[int, str] | None = None
    for kind, rx in (("claim", _PER_CLAIM), ("aggregate", _AGGREGATE)):
        for m in rx.finditer(before):
            d = len(before) - m.end()
            best = min(best, (d, kind)) if best else (d, kind)
        m = rx.search(after)
        if m:
            best = min(best, (m.start(), kind)) if best else (m.start(), kind)
    return best[1] if best else None


# the words a rule's <CUR> stands for (``matching.compiler``): every code and symbol the reader knows, the names of
# currencies and the Danish "kr."
CURRENCY_WORDS = tuple(sorted({c.lower() for c in _CODES} | set("""
euro euros € us$ $ dollar dollars £ pound pounds sterling kr kr. kroner ¥ yen rand ₹ rs. rupees rmb ₦ naira ₱ ฿ baht
ringgit rial rials riyal riyals dirham dirhams dinar dinars shilling shillings franc francs kronor krona zloty forint
pesos peso cedi cedis shekel shekels php t.kr t.kr. tkr tkr. tdkk kshs ksh kč zł c$ ca$ cdn$ a$ au$ nz$ hk$ sg$ s$""".split())))
