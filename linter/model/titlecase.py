"""Title casing of the texts operators read (descriptions, discreet and page captions).

The convention: every word starts with a capital and continues in lower case, except

- words of one letter, and upper-case words of up to three letters, which stay as written;
- terms with a fixed spelling (acronyms and names such as `DataMiner`, `IPv4`, `TCP/IP`, and
  DataMiner's units such as `dBm`, `MHz`), written in that spelling, even inside longer
  runs of separators (`TCP/IP` is one term);
- longer words written fully in upper case (abbreviations, also with a plural `s`: `VLANs`);
- articles, coordinating conjunctions and short prepositions (a, an, the, and, or, of, in,
  ...), which are lower case unless they are the first or last word, or stand next to a
  bracket.

Words are the runs of letters; every other character (space, digit, `_`, `-`, ...) separates
them. `title_case(text, units)` gives the expected spelling; `units` is the set of unit
spellings descriptions keep (from Skyline's uom.xsd, see units.py). Without that list, a word
with capitals after its first letter is taken as intentionally spelt (a unit or a name), so
that an unknown unit is never "corrected".
"""

from __future__ import annotations

from functools import lru_cache

MINOR_WORDS = frozenset((
    "a", "an", "the", "and", "but", "for", "nor", "or", "so", "yet", "as", "at", "by", "in", "of", "on", "to", "up",
    "off", "via",
))

# Words with more than one accepted spelling; the first is used when none matches.
SEVERAL_SPELLINGS = {
    "ac": ("AC", "aC"), "bar": ("bar", "Bar"), "cc": ("CC", "cC"), "ecm": ("ECM", "eCM"), "es": ("ES", "Es"),
    "min": ("min", "Min"), "ts": ("TS", "Ts"), "d": ("D", "d"), "i": ("I", "i"), "p": ("P", "p"),
    "per": ("per", "Per"), "over": ("Over", "over"), "psf": ("psf", "PsF"),
}

# Terms with a fixed spelling besides the units: acronyms and product names.
FIXED_TERMS = (
    "ACK", "ACL", "ADSL", "AES", "ANSI", "API", "ARP", "ATM", "BGP", "BSS", "DataMiner", "CHAP", "cHDLC", "CIDR",
    "CIR", "CLI", "CM", "CoS", "CPE", "CPU", "CRC", "CRC_16-CCITT", "CRT", "CSMA/CA", "CSMA/CD", "CSU/DSU", "CMOS",
    "DaaS", "DAM", "DC", "DCE", "DDC", "DHCP", "DHCPv4", "DHCPv6", "DiSEqC", "DIMM", "DSN", "DoS", "DRAM", "DSL",
    "DSLAM", "DTE", "DMI", "DUC", "DxM", "EHA", "EIA", "EIGRP", "eMTA", "EOF", "EPM", "ePS", "EPoc", "eRouter",
    "eSAFE", "ESS", "FCC", "FCS", "FDDI", "FTTdp", "FTP", "GbE", "GBIC", "GEPOF", "HDLC", "HTTP", "HTTPS", "IaaS",
    "IANA", "ICaaS", "ICMP", "ICMPv6", "IDF", "IDS", "IEEE", "IETF", "IGMP", "IGMPv2", "IGMPv3", "IMAP", "IMAPS",
    "IoT", "IP", "IPv4", "IPv6", "iPad", "iPhone", "IPS", "IS-IS", "ISDN", "ISP", "iSCSI", "ITU-T", "LACP", "LAN",
    "LAPB", "LAPF", "LLC", "MAC", "MAM", "MDF", "MediaConvert", "MediaTailor", "MIB", "MoCA", "MLD", "MPLS", "MTU",
    "MSSQL", "MySQL", "NAC", "NAT", "NBMA", "NIC", "NRZ", "NRZI", "NVRAM", "Off-Air", "On-Air", "OpenConfig",
    "OpenSearch", "OSI", "OSPF", "OUI", "PaaS", "PAP", "PAT", "PC", "PIM", "PCM", "PDU", "PLP", "PoE", "PoP", "POP3",
    "PPP", "PPTP", "PTT", "PVST", "QAction", "QActions", "QoE", "QoL", "QoS", "RAM", "RARP", "RIMM", "RFC", "RIP",
    "RLL", "ROM", "RSTP", "RTP", "RxMER", "SaaS", "SDLC", "SDN", "SFD", "SFP", "SIMM", "SLARP", "SMTP", "SNA",
    "SNAP", "SNMP", "SNMPv1", "SNMPv2", "SNMPv2c", "SNMPv3", "SRAM", "SSH", "SSID", "STaaS", "T2-MI", "TCP/IP", "TDM",
    "TFTP", "TIA", "ToD", "TOFU", "ToS", "UC", "UDP", "USB", "UTP", "VC", "VLAN", "vCloud", "vCloudPoint", "vMatrix",
    "VMware", "VoD", "VoIP", "VPN", "W3C", "WAN", "WEP", "WLC", "WPA", "YCbCr", "ICtCp",
)
BRACKETS = "()[]{}"


class _Vocabulary:
    def __init__(self, units: frozenset[str] | None):
        self.units_known = units is not None
        terms = list(FIXED_TERMS) + sorted(units or ())
        self.exact = frozenset(terms)
        self.by_lower: dict[str, str] = {}
        for term in terms:
            self.by_lower.setdefault(term.lower(), term)
        # Terms that hold a separator (TCP/IP, IS-IS, CRC_16-CCITT, units such as m/s) are
        # looked up at the start of each word; grouped by length, longest first.
        compound = sorted({term for term in terms if not term.isalpha()}, key=len, reverse=True)
        self.compound = [(len(term), term.lower(), term) for term in compound]
        # The same list split by first (lower-case) character: most positions start no such term.
        self.compound_by_first: dict[str, list] = {}
        for entry in self.compound:
            self.compound_by_first.setdefault(entry[1][:1], []).append(entry)
        self.words: dict[str, tuple[str, bool]] = {}  # word -> `_word(word, self)`, memoized

    def compound_at(self, text: str, start: int) -> str | None:
        """The longest fixed term with a separator that starts here and is not followed by a letter."""
        candidates = self.compound_by_first.get(text[start].lower()[:1])
        if candidates is None:
            return None
        rest = text[start:].lower()
        for length, lowered, _term in candidates:
            if rest.startswith(lowered) and not (len(rest) > length and rest[length].isalpha()):
                return text[start:start + length]
        return None


@lru_cache(maxsize=8)
def _vocabulary(units: frozenset[str] | None) -> _Vocabulary:
    return _Vocabulary(units)


def _upper_word(word: str) -> bool:
    upper = word.upper()
    return word == upper or (word.endswith("s") and word[:-1] == upper[:-1])


def _word(word: str, vocabulary: _Vocabulary) -> tuple[str, bool]:
    """(expected spelling, whether to capitalize it as first or last word)."""
    if len(word) == 1:
        return word, False
    if len(word) < 4 and _upper_word(word):
        return word, False
    lowered = word.lower()
    spellings = SEVERAL_SPELLINGS.get(lowered)
    if spellings is not None:
        return (word if word in spellings else spellings[0]), False
    if word in vocabulary.exact:
        return word, False
    fixed = vocabulary.by_lower.get(lowered)
    if fixed is not None:
        return fixed, False
    if _upper_word(word):
        return word, False
    if lowered in MINOR_WORDS:
        return lowered, True
    if not vocabulary.units_known and any(char.isupper() for char in word[1:]):
        return word, False  # without DataMiner's unit list: probably a unit or a name
    return word[0].upper() + lowered[1:], True


def _next_to_bracket(text: str, start: int, end: int) -> bool:
    before = start - 1
    while before > 0 and text[before].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    return (before >= 0 and text[before] in BRACKETS) or (after < len(text) and text[after] in BRACKETS)


@lru_cache(maxsize=1 << 14)  # descriptions and discreet texts repeat across parameters
def title_case(text: str, units: frozenset[str] | None = None) -> str:
    """The text as title casing writes it (see the module documentation)."""
    vocabulary = _vocabulary(units)
    words = vocabulary.words
    parts = []
    index = 0
    length = len(text)
    while index < length:
        compound = vocabulary.compound_at(text, index) if (index == 0 or not text[index - 1].isalpha()) else None
        if compound is not None:
            parts.append(vocabulary.by_lower[compound.lower()])
            index += len(compound)
            continue
        if not text[index].isalpha():
            parts.append(text[index])
            index += 1
            continue
        end = index
        while end < length and text[end].isalpha():
            end += 1
        word = text[index:end]
        known = words.get(word)
        if known is None:
            if len(words) > 1 << 16:  # a long-running server: keep the memo bounded
                words.clear()
            known = words[word] = _word(word, vocabulary)
        spelled, capitalize = known
        if capitalize and (index == 0 or end == length or _next_to_bracket(text, index, end)):
            spelled = spelled[0].upper() + spelled[1:]
        parts.append(spelled)
        index = end
    return "".join(parts)


def is_title_case(text: str, units: frozenset[str] | None = None) -> bool:
    return title_case(text, units) == text
