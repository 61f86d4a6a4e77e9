"""The search gold sets: questions patients type, with the leaflet section that answers them.

The Dutch set (GOLD, here) and the English one (tests/search/gold_en.py) were written against
the real leaflets in content/ (each expected section was checked by reading the leaflet).
`medication` None means "any medication" (a broad question), `kind` None means "the
medication's page" (a name). Used by tests/search/test_search.py, and runnable on its own to
print the figures or compare two databases:

    python -m tests.search.gold                      # this DATABASE_URL (fresh database)
    python -m tests.search.gold --language en        # the English set
    python -m tests.search.gold --json out.json      # also write every query's top 3
"""

import argparse
import io
import json
import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Gold:
    query: str
    medication: str | None = None
    kind: str | None = None
    term: str | None = None

    @property
    def names_medication(self):
        return self.medication is not None


GOLD = [
    # Azathioprine (Imuran, Imuran mitis)
    Gold("bijwerkingen azathioprine", "azathioprine", "bijwerkingen"),
    Gold("azathioprine zwanger worden", "azathioprine", "zwangerschap"),
    Gold("mag ik imuran gebruiken als ik borstvoeding geef", "azathioprine", "zwangerschap"),
    Gold("azathioprine en allopurinol", "azathioprine", "andere-medicijnen"),
    Gold("hoe vaak bloed prikken bij imuran", "azathioprine", "controles"),
    Gold("imuran tabletten innemen", "azathioprine", "dosering"),
    Gold("wanneer werkt azathioprine", "azathioprine", "wanneer-werkt-het"),
    Gold("azathioprine griepprik", "azathioprine", "vaccinatie"),
    Gold("imuran tandarts", "azathioprine", "operaties"),
    Gold("koorts bij azathioprine wanneer bellen", "azathioprine", "wanneer-contact"),
    Gold("azathioprine met melk innemen", "azathioprine", "dosering"),
    Gold("imuran mitis 25 mg", "azathioprine", "dosering"),
    Gold("krijg ik kanker van azathioprine", "azathioprine", "bijwerkingen"),
    # Anakinra (Kineret)
    Gold("kineret bewaren", "anakinra", "bewaren"),
    Gold("moet anakinra in de koelkast", "anakinra", "bewaren"),
    Gold("hoe spuit ik anakinra", "anakinra", "dosering"),
    Gold("kineret bijwerkingen", "anakinra", "bijwerkingen"),
    Gold("anakinra kinderwens man", "anakinra", "zwangerschap"),
    Gold("kineret griepprik", "anakinra", "vaccinatie"),
    Gold("anakinra operatie", "anakinra", "operaties"),
    Gold("kineret tuberculose test vooraf", "anakinra", "voor-de-start"),
    Gold("anakinra controles", "anakinra", "controles"),
    Gold("rode plek waar ik kineret spuit", "anakinra", "bijwerkingen"),
    Gold("hoe werkt anakinra", "anakinra", "werking"),
    Gold("kineret vaccin gele koorts", "anakinra", "vaccinatie"),
    # Infliximab (Remicade, Remsima)
    Gold("zwanger infliximab", "infliximab", "zwangerschap"),
    Gold("remicade infuus hoe vaak", "infliximab", "dosering"),
    Gold("op reis met infliximab", "infliximab", "reizen"),
    Gold("remsima vakantie", "infliximab", "reizen"),
    Gold("medicijnenpaspoort infliximab", "infliximab", "reizen"),
    Gold("infliximab hartfalen", "infliximab", "niet-gebruiken"),
    Gold("wanneer mag ik infliximab niet gebruiken", "infliximab", "niet-gebruiken"),
    Gold("infliximab levend vaccin", "infliximab", "vaccinatie"),
    Gold("hoe snel werkt infliximab", "infliximab", "wanneer-werkt-het"),
    Gold("remicade bloedonderzoek", "infliximab", "controles"),
    Gold("infliximab tandarts", "infliximab", "operaties"),
    Gold("infliximab samen met andere medicijnen", "infliximab", "andere-medicijnen"),
    Gold("sarcoidose infliximab", "infliximab", "aandoening"),
    Gold("engelstalige brief infliximab", "infliximab", "reizen"),
    Gold("infliximab keelpijn en koorts", "infliximab", "wanneer-contact"),
    # JAK-remmers (Olumiant, Jyseleca, Xeljanz, Rinvoq)
    Gold("xeljanz bijwerkingen", "jak-remmers", "bijwerkingen"),
    Gold("olumiant zwanger", "jak-remmers", "zwangerschap"),
    Gold("wat kost rinvoq", "jak-remmers", "meer-weten"),
    Gold("jak remmers trombose", "jak-remmers", "bijwerkingen"),
    Gold("tofacitinib siroop voor kinderen", "jak-remmers", "dosering"),
    Gold("jyseleca koorts", "jak-remmers", "wanneer-contact"),
    Gold("baricitinib bloedonderzoek", "jak-remmers", "controles"),
    Gold("jak remmer elk jaar dermatoloog", "jak-remmers", "controles"),
    Gold("wanneer werken jak remmers", "jak-remmers", "wanneer-werkt-het"),
    Gold("upadacitinib gordelroos", "jak-remmers", "bijwerkingen"),
    Gold("xeljanz tandarts", "jak-remmers", "operaties"),
    Gold("bijwerking melden jak remmer belgie", "jak-remmers", "meer-weten"),
    # Immunoglobulinen (IVIg, SCIg)
    Gold("bijwerkingen immunoglobulinen", "immunoglobulinen", "bijwerkingen"),
    Gold("scig met een pompje thuis", "immunoglobulinen", "dosering"),
    Gold("immunoglobulinen op reis", "immunoglobulinen", "reizen"),
    Gold("immunoglobulinen vaccinaties", "immunoglobulinen", "vaccinatie"),
    Gold("hoofdpijn na infuus immunoglobulinen", "immunoglobulinen", "bijwerkingen"),
    Gold("immunoglobulinen zwanger", "immunoglobulinen", "zwangerschap"),
    Gold("immunoglobulinen cidp", "immunoglobulinen", "aandoening"),
    Gold("immunoglobulinen operatie", "immunoglobulinen", "operaties"),
    # Broad questions: the right kind of section, for any medication
    Gold("griepprik", kind="vaccinatie"),
    Gold("bijwerkingen", kind="bijwerkingen"),
    Gold("mag ik naar de tandarts", kind="operaties"),
    Gold("medicijn in de koelkast bewaren", kind="bewaren"),
    Gold("zwanger worden", kind="zwangerschap"),
    Gold("borstvoeding", kind="zwangerschap"),
    Gold("op vakantie", kind="reizen"),
    Gold("wanneer moet ik de arts bellen", kind="wanneer-contact"),
    Gold("bloedcontrole", kind="controles"),
    Gold("kinderwens man", kind="zwangerschap"),
    Gold("hoe lang duurt het voordat het werkt", kind="wanneer-werkt-het"),
    Gold("operatie", kind="operaties"),
    # Glossary: the term's explanation
    Gold("wat is een biosimilar", term="biosimilar"),
    Gold("wat betekent subcutaan", term="subcutaan"),
    Gold("wat doet een reumatoloog", term="reumatoloog"),
    Gold("remissie", term="remissie"),
    Gold("wat is een afweerstoornis", term="immuundeficientie"),
    Gold("levend vaccin", term="levend-vaccin"),
    # Names and brands: straight to the page
    Gold("Imuran", "azathioprine"),
    Gold("Imuran mitis", "azathioprine"),
    Gold("Kineret", "anakinra"),
    Gold("Remicade", "infliximab"),
    Gold("Remsima", "infliximab"),
    Gold("Xeljanz", "jak-remmers"),
    Gold("Olumiant", "jak-remmers"),
    Gold("Rinvoq", "jak-remmers"),
    Gold("Jyseleca", "jak-remmers"),
    Gold("tofacitinib", "jak-remmers"),
    Gold("JAK-remmers", "jak-remmers"),
    Gold("IVIg", "immunoglobulinen"),
    # Misspelled: corrected against the portal's own words
    Gold("azatioprine", "azathioprine"),
    Gold("infliximap", "infliximab"),
    Gold("kinneret", "anakinra"),
    Gold("bijwerkingen azatioprine", "azathioprine", "bijwerkingen"),
    Gold("xeljans zwanger", "jak-remmers", "zwangerschap"),
    Gold("remicaid reizen", "infliximab", "reizen"),
    Gold("immunoglobuline bijwerkngen", "immunoglobulinen", "bijwerkingen"),
    # Added after the ranking was tuned on the queries above, as a check on over-fitting.
    Gold("misselijk van imuran", "azathioprine", "bijwerkingen"),
    Gold("imuran en een medicijn tegen jicht", "azathioprine", "andere-medicijnen"),
    Gold("kineret 100 mg", "anakinra", "dosering"),
    Gold("anakinra huiduitslag", "anakinra", "bijwerkingen"),
    Gold("kineret in het vriesvak", "anakinra", "bewaren"),
    Gold("anakinra hiv en hepatitis onderzoek", "anakinra", "voor-de-start"),
    Gold("anakinra polikliniek telefoonnummer", "anakinra", "vragen"),
    Gold("hoe lang duurt een infuus met infliximab", "infliximab", "dosering"),
    Gold("infliximab tropencentrum", "infliximab", "reizen"),
    Gold("infliximab tbc", "infliximab", "voor-de-start"),
    Gold("xeljanz roken", "jak-remmers", "bijwerkingen"),
    Gold("jak remmers longembolie", "jak-remmers", "bijwerkingen"),
    Gold("wat betekent jak", "jak-remmers", "werking"),
    Gold("rinvoq tablet elke dag", "jak-remmers", "dosering"),
    Gold("immunoglobulinen thuis of in het ziekenhuis", "immunoglobulinen", "dosering"),
    Gold("kiezen tussen ivig en scig", "immunoglobulinen", "dosering"),
    Gold("guillain barre immunoglobulinen", "immunoglobulinen", "aandoening"),
    Gold("scig meenemen op reis", "immunoglobulinen", "reizen"),
    Gold("misselijkheid", kind="bijwerkingen"),
    Gold("reizen met medicijnen", kind="reizen"),
    Gold("wat is tuberculose", term="tuberculose"),
    Gold("wat is een infuus", term="infuus"),
    Gold("wat zijn witte bloedcellen", term="witte-bloedcellen"),
    Gold("wat betekent chronisch", term="chronisch"),
]


def result_keys(results):
    """What the page leads to first: the medication page on a redirect, else the hits."""
    if results.redirect_url:
        return [results.redirect_url]
    return [f"{hit.medication.slug}#{hit.kind}" for hit in results.hits]


def is_match(gold, key):
    page, _, kind = key.partition("#")
    slug = page.strip("/").split("/")[-1] if page.startswith("/") else page
    if gold.medication is not None and slug != gold.medication:
        return False
    if gold.kind is None:
        return True  # the medication's page, or any of its sections
    return kind == gold.kind


@dataclass
class Outcome:
    gold: Gold
    top3: list

    @property
    def top1_correct(self):
        return bool(self.top3) and self.matches(self.top3[0])

    @property
    def top3_correct(self):
        return any(self.matches(key) for key in self.top3)

    def matches(self, key):
        if self.gold.term is not None:
            return key == f"term:{self.gold.term}"
        return is_match(self.gold, key)


def gold_set(language):
    """The gold set of a language: Dutch here, English in gold_en."""
    if language == "en":
        from tests.search.gold_en import GOLD_EN

        return GOLD_EN
    return GOLD


def evaluate(gold_set=GOLD, language="nl"):
    """Run every gold query through the search in `language`; returns Outcomes."""
    from search.query import search_medications

    outcomes = []
    for gold in gold_set:
        results = search_medications(gold.query, language)
        if gold.term is not None:
            top3 = [f"term:{hit.term.slug}" for hit in results.glossary][:3]
        else:
            top3 = result_keys(results)[:3]
        outcomes.append(Outcome(gold, top3))
    return outcomes


def figures(outcomes):
    count = len(outcomes)
    return {
        "queries": count,
        "top1": sum(o.top1_correct for o in outcomes) / count,
        "top3": sum(o.top3_correct for o in outcomes) / count,
    }


def agreement(mine, theirs):
    """Share of queries naming a medication whose top 3 is the same in both runs."""
    named = [query for query, gold in mine.items() if gold["names_medication"]]
    same = sum(mine[q]["top3"] == theirs.get(q, {}).get("top3") for q in named)
    return same / len(named), [q for q in named if mine[q]["top3"] != theirs[q]["top3"]]


def as_json(outcomes):
    return {
        o.gold.query: {"top3": o.top3, "names_medication": o.gold.names_medication}
        for o in outcomes
    }


def main():
    """Set up a fresh database from DATABASE_URL, load content/, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", help="write every query's top 3 to this file")
    parser.add_argument("--language", default="nl", choices=["nl", "en"])
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=io.StringIO())
    outcomes = evaluate(gold_set(args.language), args.language)
    result = figures(outcomes)
    top1, top3 = f"{result['top1']:.1%}", f"{result['top3']:.1%}"
    print(f"{args.language}: {result['queries']} queries: top-1 {top1}, top-3 {top3}")
    for outcome in outcomes:
        if not outcome.top1_correct:
            mark = "top-3" if outcome.top3_correct else "MISS "
            print(f"  {mark} {outcome.gold.query!r}: {outcome.top3}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump(as_json(outcomes), file, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
