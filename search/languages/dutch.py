"""Dutch: Snowball's Dutch stemmer, stop words, lay synonyms and the question words that
point to a section kind."""

STEMMER = "dutch"
EXAMPLE_QUERIES = ["bijwerkingen", "zwanger", "griepprik", "tandarts", "Imuran"]

# Snowball's Dutch stop-word list, plus words patients add to a question ('mag ik ...').
STOP_WORDS_TEXT = """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
    nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor
    want waren was wat we wel werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder
    zou
    mag mogen moeten kun kunt wanneer waarom welke welk waar hoeveel hoelang graag even eigenlijk
    nou ok oke dus vraag vragen weet weten zeggen krijgen krijg krijgt gaat gaan ga word zitten
    beter goed slecht keer soms vaak echt erg heel betekent betekenen betekenis uitleg precies
    a an and are as at be by for from has have how i if in is it of on or the to was what when
    where which who why will with you your can do does my not no
"""
# Lay words patients type, with the words the leaflets use. Each alternative is a phrase whose
# words must all occur. Keys and phrases are written as patients and leaflets write them.
LAY_SYNONYMS = {
    "griepprik": ["griepvaccinatie", "griepvaccin", "vaccinatie griep"],
    "griepspuit": ["griepvaccinatie", "griepvaccin", "vaccinatie griep"],
    "coronaprik": ["coronavaccinatie", "covid vaccinatie", "corona vaccinatie"],
    "prik": ["injectie", "vaccinatie"],
    "prikje": ["injectie", "vaccinatie"],
    "spuitje": ["injectie"],
    "inenting": ["vaccinatie"],
    "inentingen": ["vaccinatie"],
    "tandarts": ["tandheelkundige ingreep", "tandartsbehandeling"],
    "kies": ["tandarts", "tandheelkundige ingreep"],
    "zwanger": ["zwangerschap", "kinderwens"],
    "kinderwens": ["zwanger"],
    "baby": ["zwangerschap", "borstvoeding"],
    "anticonceptie": ["zwanger"],
    "bloedprikken": ["bloedcontrole", "bloed prikken", "bloedonderzoek"],
    "bloedtest": ["bloedcontrole", "bloedonderzoek", "bloed onderzoek"],
    "bloedonderzoek": ["bloedcontrole", "bloed prikken", "bloed onderzoek"],
    "bloedcontrole": ["bloedonderzoek", "bloed controleren", "bloed prikken"],
    "bloedcontroles": ["bloedonderzoek", "bloed controleren", "bloed prikken"],
    "lab": ["bloedcontrole", "bloedonderzoek"],
    "vakantie": ["reis", "reizen"],
    "buitenland": ["reis", "reizen"],
    "vliegtuig": ["reis", "vliegen"],
    "koelkast": ["bewaren", "koel"],
    "opereren": ["operatie", "ingreep"],
    "ziekenhuisopname": ["operatie", "opname"],
    "misselijk": ["misselijkheid"],
    "moe": ["vermoeid"],
    "moeheid": ["vermoeid"],
    "haarverlies": ["haaruitval"],
    "pijnstiller": ["paracetamol", "ibuprofen", "pijnstillers"],
    "kosten": ["vergoeding", "vergoed", "eigen risico"],
    "vergoed": ["vergoeding", "kosten"],
    "bijsluiter": ["folder"],
}

# What a question is about: words that point to a section kind. A tuple only counts when all
# its parts occur in the query; parts of 4+ letters match as a word prefix, shorter ones only
# as a whole word ('moe', not 'moet'). Longer tuples are more specific and weigh a little more.
KIND_KEYWORDS = {
    "werking": [("werking",), ("hoe", "werk"), ("wat", "doet"), ("wat", "is"), ("wat", "zijn")],
    "aandoening": [("aandoening",), ("ziekte",), ("reuma",), ("oorzaak",)],
    "voor-de-start": [("voordat",), ("vooraf",), ("screening",), ("starten",), ("beginnen",)],
    "niet-gebruiken": [("niet", "gebruik"), ("contra",), ("mag", "niet"), ("allergi",)],
    "dosering": [
        ("dosis",), ("dosering",), ("hoeveel",), ("innemen",), ("inname",), ("tablet",),
        ("vergeten",), ("toedien",), ("infuus",), ("hoe", "vaak"), ("hoe", "gebruik"), ("spuiten",),
        ("injecteren",), ("zelf", "prik"),
    ],
    "wanneer-werkt-het": [
        ("wanneer", "werk"), ("hoe", "lang", "duur"), ("hoe", "snel", "werk"), ("helpt", "niet"),
        ("werkt", "niet"),
        ("effect",), ("resultaat",),
    ],
    "bijwerkingen": [
        ("bijwerking",), ("last", "van"), ("misselijk",), ("haaruitval",), ("hoofdpijn",),
        ("moe",), ("moeheid",), ("vermoeid",), ("klachten",), ("huiduitslag",), ("jeuk",),
        ("kanker",), ("risico",), ("diarree",),
    ],
    "wanneer-contact": [
        ("koorts",), ("alarm",), ("spoed",), ("wanneer", "bel"), ("wanneer", "contact"),
        ("arts", "bellen"), ("keelpijn",),
    ],
    "controles": [
        ("controle",), ("bloedcontrole",), ("bloed", "prik"), ("bloedprik",), ("bloedtest",),
        ("bloedonderzoek",), ("lab",), ("leverwaarde",), ("nierfunctie",), ("bloedwaarde",),
    ],
    "zwangerschap": [
        ("zwanger",), ("kinderwens",), ("borstvoeding",), ("baby",), ("anticonceptie",),
        ("vruchtbaar",), ("kind", "krijgen"), ("kinderen", "krijgen"),
    ],
    "vaccinatie": [
        ("vaccin",), ("griep",), ("corona",), ("covid",), ("inenting",), ("prik",),
        ("pneumokok",),
    ],
    "operaties": [
        ("operatie",), ("opereren",), ("tandarts",), ("ingreep",), ("narcose",), ("kies",),
        ("chirurg",),
    ],
    "andere-medicijnen": [
        ("andere", "medicijn"), ("combineren",), ("samen", "met"), ("pijnstiller",),
        ("paracetamol",), ("ibuprofen",), ("interactie",), ("wisselwerking",), ("antibiotica",),
        ("methotrexaat",), ("allopurinol",),
    ],
    "bewaren": [("bewaren",), ("bewaar",), ("koelkast",), ("houdbaar",), ("temperatuur",)],
    "reizen": [("reis",), ("reizen",), ("vakantie",), ("vliegtuig",), ("buitenland",)],
    "meer-weten": [("kosten",), ("vergoed",), ("verzekering",), ("autorijden",), ("melden",)],
    "vragen": [("vragen", "stellen"), ("telefoonnummer",), ("meer", "informatie")],
}  # fmt: skip
