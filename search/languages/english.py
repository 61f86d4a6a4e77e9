"""English: Snowball's English stemmer (Porter2), stop words, the lay words patients type with
the words the English leaflets use, and the question words that point to a section kind."""

STEMMER = "english"
EXAMPLE_QUERIES = ["side effects", "pregnant", "flu jab", "dentist", "Imuran"]

# Snowball's English stop-word list (contractions as words() splits them: "don't" -> "don"),
# plus words patients add to a question ('is it ok if I ...'). Words that say what a question
# is about ('not', 'before', 'long') still point to a section kind: detect_kinds() sees them.
STOP_WORDS_TEXT = """
    a about above after again against all am an and any are aren as at be because been before
    being below between both but by can cannot could couldn did didn do does doesn doing don
    down during each few for from further had hadn has hasn have haven having he her here hers
    herself him himself his how if in into is isn it its itself let me more most mustn my
    myself no nor not of off on once only or other ought our ours ourselves out over own same
    shan she should shouldn so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was wasn we were weren what when
    where which while who whom why will with won would wouldn you your yours yourself
    yourselves ll re ve
    may might must shall need needs want wants know tell please ok okay also still just ever
    really much many lot get gets getting got go going im ive id thing things something
    anything mean means meaning exactly bit quite
    take takes taking took use uses using used
"""

# Lay words patients type, with the words the leaflets use. Each alternative is a phrase whose
# words must all occur. 'flu jab' is two query words: 'flu' and 'jab' each have their own.
LAY_SYNONYMS = {
    "jab": ["vaccination", "vaccine", "injection"],
    "jabs": ["vaccination", "vaccine", "injection"],
    "shot": ["vaccination", "vaccine", "injection"],
    "shots": ["vaccination", "vaccine", "injection"],
    "booster": ["vaccination", "vaccine"],
    "immunisation": ["vaccination"],
    "immunization": ["vaccination"],
    "flu": ["influenza"],
    "flujab": ["flu vaccination", "flu vaccine"],
    "needle": ["injection"],
    "drip": ["infusion"],
    "iv": ["infusion", "intravenous"],
    "pregnant": ["pregnancy"],
    "pregnancy": ["pregnant"],
    "conceive": ["pregnant", "pregnancy"],
    "baby": ["pregnancy", "breastfeeding"],
    "breastfeed": ["breastfeeding", "breast feeding"],
    "breastfeeding": ["breast feeding"],
    "nursing": ["breastfeeding"],
    "contraception": ["pregnant", "pregnancy"],
    "kids": ["children", "child"],
    "bloods": ["blood test", "blood tests"],
    "bloodtest": ["blood test", "blood check"],
    "bloodwork": ["blood test", "blood check"],
    "lab": ["blood test", "blood check"],
    "test": ["check", "checks"],
    "tests": ["check", "checks"],
    "checkup": ["check", "checks"],
    "operation": ["surgery"],
    "surgery": ["operation"],
    "op": ["operation", "surgery"],
    "anaesthetic": ["surgery", "operation"],
    "tooth": ["dentist", "dental"],
    "teeth": ["dentist", "dental"],
    "sideeffects": ["side effects"],
    "reaction": ["side effect", "allergic reaction"],
    "reactions": ["side effects", "allergic reaction"],
    "sick": ["nausea", "feeling sick"],
    "nauseous": ["nausea"],
    "queasy": ["nausea"],
    "vomit": ["vomiting"],
    "puke": ["vomiting"],
    "tired": ["tiredness", "fatigue"],
    "exhausted": ["tiredness", "fatigue"],
    "fever": ["high temperature"],
    "itchy": ["itching", "itch"],
    "fridge": ["refrigerator", "store"],
    "freezer": ["freeze", "frozen"],
    "holiday": ["travel", "travelling"],
    "holidays": ["travel", "travelling"],
    "vacation": ["travel", "travelling"],
    "abroad": ["travel", "travelling"],
    "trip": ["travel", "travelling"],
    "flight": ["travel", "flying"],
    "plane": ["travel", "flying"],
    "painkiller": ["paracetamol", "ibuprofen", "painkillers"],
    "painkillers": ["paracetamol", "ibuprofen"],
    "meds": ["medicines", "medication"],
    "pill": ["tablet"],
    "pills": ["tablets"],
    "booze": ["alcohol"],
    "drinking": ["alcohol"],
    "cost": ["costs", "reimbursement", "insurance"],
    "price": ["costs", "reimbursement"],
    "pay": ["costs", "reimbursement", "insurance"],
    "gp": ["general practitioner"],
    "doc": ["doctor"],
    "tb": ["tuberculosis"],
    "leaflet": ["package leaflet"],
}

# What a question is about: words that point to a section kind (the section codes are the
# page anchors, the same in every language). Matched as the Dutch ones are: parts of 4+
# letters as a word prefix ('pregnan' finds 'pregnant' and 'pregnancy'), shorter ones only as
# a whole word ('flu', not 'fluid').
KIND_KEYWORDS = {
    "werking": [("how", "work"), ("what", "does"), ("what", "is"), ("what", "are")],
    "aandoening": [("disease",), ("condition",), ("illness",), ("rheumat",), ("cause",)],
    "voor-de-start": [
        ("before", "start"), ("beforehand",), ("screening",), ("starting",), ("start",),
        ("begin",),
    ],
    "niet-gebruiken": [
        ("not", "use"), ("shouldn",), ("contraindic",), ("allerg",), ("who", "not"),
        ("must", "not"),
    ],
    "dosering": [
        ("dose",), ("dosage",), ("how", "much"), ("how", "many"), ("how", "often"),
        ("how", "take"), ("what", "time"), ("tablet",), ("pill",), ("forgot",), ("forget",),
        ("missed",), ("inject",), ("infusion",), ("drip",), ("how", "use"), ("how", "give"),
    ],
    "wanneer-werkt-het": [
        ("when", "work"), ("how", "long", "work"), ("how", "soon"), ("how", "fast"),
        ("how", "quick"), ("start", "work"), ("not", "working"), ("doesn", "work"),
        ("result",),
    ],
    "bijwerkingen": [
        ("side", "effect"), ("side",), ("adverse",), ("nause",), ("sick",), ("hair", "loss"),
        ("headache",), ("tired",), ("fatigue",), ("rash",), ("itch",), ("cancer",), ("risk",),
        ("diarrh",), ("vomit",),
    ],
    "wanneer-contact": [
        ("fever",), ("high", "temperature"), ("alarm",), ("emergency",), ("urgent",),
        ("when", "call"), ("when", "contact"), ("call", "doctor"), ("sore", "throat"),
        ("warning",),
    ],
    "controles": [
        ("check",), ("checkup",), ("blood", "test"), ("blood", "check"), ("bloods",),
        ("bloodtest",), ("bloodwork",), ("lab",), ("monitor",), ("liver", "function"),
        ("kidney", "function"), ("blood", "count"),
    ],
    "zwangerschap": [
        ("pregnan",), ("breastfe",), ("breast", "feed"), ("breast", "milk"), ("baby",),
        ("contracept",), ("fertil",), ("conceiv",), ("nursing",), ("have", "children"),
        ("have", "kids"), ("father",),
    ],
    "vaccinatie": [
        ("vaccin",), ("flu",), ("flujab",), ("covid",), ("corona",), ("jab",), ("shot",),
        ("immunis",), ("immuniz",), ("booster",), ("pneumococ",),
    ],
    "operaties": [
        ("surgery",), ("operation",), ("op",), ("dentist",), ("dental",), ("tooth",), ("teeth",),
        ("procedure",), ("anaesth",), ("anesth",), ("surgeon",),
    ],
    "andere-medicijnen": [
        ("other", "medic"), ("combin",), ("together",), ("painkiller",), ("paracetamol",),
        ("ibuprofen",), ("interact",), ("antibiotic",), ("methotrexate",), ("allopurinol",),
    ],
    "bewaren": [
        ("store",), ("storage",), ("storing",), ("fridge",), ("refrigerat",), ("freez",),
        ("temperature",), ("shelf", "life"), ("expir",),
    ],
    "reizen": [
        ("travel",), ("holiday",), ("vacation",), ("abroad",), ("plane",), ("flight",),
        ("flying",), ("trip",),
    ],
    "meer-weten": [
        ("cost",), ("price",), ("reimburs",), ("insurance",), ("driving",), ("drive",),
        ("report",),
    ],
    "vragen": [("question",), ("phone", "number"), ("telephone",), ("more", "information")],
}  # fmt: skip
