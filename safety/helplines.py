"""Which country's helplines the Safety page shows: the one the person picks, else the one on
their account, else the region of their browser's language; never a guess from their address."""

from .models import Helpline

# Names for the countries the helpline data covers (ISO 3166-1 alpha-2).
COUNTRY_NAMES = {
    "AR": "Argentina",
    "AT": "Austria",
    "AU": "Australia",
    "BE": "Belgium",
    "BR": "Brazil",
    "CA": "Canada",
    "CH": "Switzerland",
    "CL": "Chile",
    "CO": "Colombia",
    "CZ": "Czechia",
    "DE": "Germany",
    "DK": "Denmark",
    "ES": "Spain",
    "FI": "Finland",
    "FR": "France",
    "GB": "United Kingdom",
    "GR": "Greece",
    "HK": "Hong Kong",
    "IE": "Ireland",
    "IL": "Israel",
    "IN": "India",
    "IT": "Italy",
    "JP": "Japan",
    "KE": "Kenya",
    "KR": "South Korea",
    "MX": "Mexico",
    "MY": "Malaysia",
    "NG": "Nigeria",
    "NL": "Netherlands",
    "NO": "Norway",
    "NZ": "New Zealand",
    "PH": "Philippines",
    "PL": "Poland",
    "PT": "Portugal",
    "RO": "Romania",
    "SE": "Sweden",
    "SG": "Singapore",
    "TR": "Türkiye",
    "UA": "Ukraine",
    "US": "United States",
    "ZA": "South Africa",
}


def country_name(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def _browser_region(request) -> str:
    """ "en-GB,en;q=0.9" gives GB: the region of the first language that names one."""
    for part in request.headers.get("Accept-Language", "").split(","):
        tag = part.split(";")[0].strip()
        pieces = tag.replace("_", "-").split("-")
        if len(pieces) >= 2 and len(pieces[1]) == 2 and pieces[1].isalpha():
            return pieces[1].upper()
    return ""


def choose(request, available: list[str]) -> str:
    """The country to show: a code in `available`, or "" (elsewhere)."""
    picked = request.GET.get("country", "")
    if picked:
        picked = picked.upper()
        return picked if picked in available else ""
    user = request.user
    for candidate in (getattr(user, "country", ""), _browser_region(request)):
        if candidate and candidate.upper() in available:
            return candidate.upper()
    return ""


def country_choices() -> list[tuple[str, str]]:
    """The countries with helplines, by name, after "no preference"."""
    listed = sorted(
        ((code, country_name(code)) for code in Helpline.objects.countries()), key=lambda c: c[1]
    )
    return [("", "No preference"), *listed]


def for_safety_page(request) -> dict:
    available = Helpline.objects.countries()
    country = choose(request, available)
    return {
        "country": country,
        "country_name": country_name(country) if country else "",
        "countries": sorted(((code, country_name(code)) for code in available), key=lambda c: c[1]),
        "helplines": list(Helpline.objects.for_country(country)) if country else [],
        "directories": list(Helpline.objects.international()),
    }


def for_danger_check(request) -> dict:
    """The danger check's urgent next step: the emergency number and the domestic-abuse lines
    of the person's country, chosen as the Safety page chooses it, with the international
    directories when the country is not known or has no abuse line listed. Two queries."""
    country = choose(request, Helpline.objects.countries())
    rows = list(
        Helpline.objects.filter(country__in={country, ""}).order_by(
            "-is_emergency", "order", "name"
        )
    )
    ours = [line for line in rows if line.country and line.country == country]
    abuse_lines = [line for line in ours if line.is_abuse_support]
    return {
        "country": country,
        "country_name": country_name(country) if country else "",
        "emergency": next((line for line in ours if line.is_emergency), None),
        "abuse_lines": abuse_lines,
        "directories": [] if abuse_lines else [line for line in rows if not line.country],
    }
