"""Made-up names for the sample school, from the heritages common in Midwestern districts.

First and last names are combined at random, mostly within one heritage and sometimes across
(families are mixed). The lists are written here by hand; no name is meant to be a real person's,
and the few famous pairs the lists could produce by chance are drawn again.
"""

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Heritage:
    feminine: tuple[str, ...]
    masculine: tuple[str, ...]
    surnames: tuple[str, ...]
    weight: int


# fmt: off
HERITAGES: dict[str, Heritage] = {
    "anglo": Heritage(
        ("Emma", "Olivia", "Madison", "Abigail", "Hannah", "Claire", "Molly", "Natalie", "Lauren"),
        ("Liam", "Mason", "Ethan", "Logan", "Carter", "Wyatt", "Hunter", "Caleb", "Connor", "Cole"),
        ("Smith", "Miller", "Davis", "Thompson", "White", "Clark", "Walker", "Hall", "Young",
         "Wright", "Hill", "Baker", "Adams", "Campbell", "Parker", "Evans", "Stewart", "Reed"),
        26,
    ),
    "african_american": Heritage(
        ("Aaliyah", "Imani", "Destiny", "Nia", "Kiara", "Zaria", "Jada", "Makayla", "Aniyah",
         "Janae", "Brianna", "Taniyah"),
        ("Jaylen", "DeAndre", "Malik", "Darius", "Terrell", "Marquis", "Isaiah", "Xavier",
         "Tyrese", "Jermaine", "Elijah", "DaShawn"),
        ("Washington", "Robinson", "Harris", "Banks", "Coleman", "Booker", "Freeman", "Gaines",
         "Mayfield", "Toussaint", "Dorsey", "Holloway", "Bynum", "Whitfield"),
        16,
    ),
    "latino": Heritage(
        ("María", "Sofía", "Valeria", "Ximena", "Guadalupe", "Daniela", "Camila", "Lucía",
         "Yesenia", "Itzel", "Marisol", "Araceli", "Jimena"),
        ("José", "Luis", "Alejandro", "Juan Carlos", "Diego", "Mateo", "Ángel", "Jesús", "Iván",
         "Emiliano", "Santiago", "Joaquín", "Héctor", "Rubén"),
        ("García", "Hernández", "López", "Martínez", "Muñoz", "Núñez", "Peña", "Rodríguez",
         "Sánchez", "Ramírez", "Torres", "Flores", "Gutiérrez", "Castillo", "Vargas", "Delgado",
         "Ortiz", "Jiménez", "Morales", "Reyes"),
        18,
    ),
    "hmong": Heritage(
        ("Pa Nhia", "Nou Yia", "Mai", "Mai Nou", "Pa Houa", "Kia", "Youa", "Choua", "Xee", "Ia"),
        ("Tou", "Chue", "Neng", "Pao", "Fue", "Kou", "Tong", "Seng", "Meng", "Yeng"),
        ("Vang", "Xiong", "Yang", "Lor", "Thao", "Her", "Moua", "Vue", "Chang", "Khang", "Hang"),
        6,
    ),
    "somali": Heritage(
        ("Hodan", "Sahra", "Fartun", "Hamdi", "Ifrah", "Ubah", "Naima", "Sagal", "Ikran", "Filsan"),
        ("Abdirahman", "Liban", "Mahad", "Abdullahi", "Mukhtar", "Bashir", "Khalid", "Zakariye",
         "Abdiwali", "Sharmarke"),
        ("Abdi", "Warsame", "Jama", "Nur", "Osman", "Aden", "Egal", "Hussein", "Duale", "Guled",
         "Farah"),
        5,
    ),
    "arab": Heritage(
        ("Layla", "Noor", "Yasmin", "Amira", "Rania", "Salma", "Mariam", "Huda", "Lina"),
        ("Yusuf", "Ahmad", "Karim", "Tariq", "Samir", "Hadi", "Zayd", "Bilal", "Rami"),
        ("Al-Sayed", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Hamdan", "Al-Masri",
         "Abdallah", "Darwish", "El-Amin", "Yousef"),
        4,
    ),
    "polish": Heritage(
        ("Zofia", "Agnieszka", "Małgorzata", "Katarzyna", "Oliwia", "Zuzanna", "Natalia"),
        ("Łukasz", "Jakub", "Mateusz", "Kacper", "Wojciech", "Piotr", "Szymon"),
        ("Wiśniewski", "Kowalski", "Nowak", "Wójcik", "Kamiński", "Zieliński", "Szymański",
         "Dąbrowski", "Kozłowski", "Mazur", "Jankowski"),
        4,
    ),
    "german": Heritage(
        ("Greta", "Lena", "Klara", "Heidi", "Frieda", "Anneliese", "Paige", "Brooke"),
        ("Lukas", "Felix", "Jonas", "Emil", "Gunnar", "Karl", "Brady", "Tanner"),
        ("Müller", "Schäfer", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann",
         "Koch", "Richter", "Zimmermann", "Krüger", "Vogel"),
        6,
    ),
    "irish": Heritage(
        ("Siobhan", "Maeve", "Nora", "Aisling", "Bridget", "Kathleen", "Riley", "Erin"),
        ("Declan", "Cian", "Padraig", "Finn", "Rory", "Seamus", "Brendan", "Kieran"),
        ("O'Brien", "O'Connor", "O'Neill", "O'Malley", "O'Rourke", "McCarthy", "Gallagher",
         "Doyle", "Sullivan", "Fitzgerald", "Quinlan"),
        5,
    ),
    "italian": Heritage(
        ("Gianna", "Giulia", "Francesca", "Chiara", "Alessia", "Bianca"),
        ("Luca", "Marco", "Matteo", "Enzo", "Giovanni", "Dominic"),
        ("D'Angelo", "D'Amico", "DeLuca", "Russo", "Romano", "Esposito", "Marino", "Gallo",
         "Bianchi"),
        3,
    ),
    "vietnamese": Heritage(
        ("Linh", "Thảo", "Ngọc", "Phương", "Hương", "Mai Anh", "Vy", "Trâm", "Nhi"),
        ("Minh", "Huy", "Khánh", "Bảo", "Tuấn", "Duy", "Quang", "Long", "Đức", "Khoa"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Phan"),
        3,
    ),
    "ukrainian": Heritage(
        ("Olena", "Oksana", "Iryna", "Sofiia", "Yuliia", "Kateryna", "Daryna", "Nataliia"),
        ("Oleksandr", "Dmytro", "Mykola", "Taras", "Bohdan", "Yurii", "Ostap", "Maksym"),
        ("Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Lysenko",
         "Oliinyk", "Savchuk", "Hnatiuk"),
        2,
    ),
    "scandinavian": Heritage(
        ("Ingrid", "Astrid", "Freya", "Sigrid", "Linnea", "Kari", "Solveig", "Britta"),
        ("Erik", "Anders", "Soren", "Lars", "Nils", "Henrik", "Magnus", "Torben"),
        ("Anderson", "Olson", "Larson", "Peterson", "Nelson", "Swanson", "Lindqvist", "Berg",
         "Halvorsen", "Sørensen", "Åberg", "Nyström", "Johnson"),
        5,
    ),
}
# fmt: on

# Names a student may go by instead of the first name on the roster.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Alejandro": ("Alex", "Jandro"),
    "Juan Carlos": ("JC", "Juanca"),
    "Guadalupe": ("Lupita", "Lupe"),
    "Oleksandr": ("Sasha",),
    "Katarzyna": ("Kasia",),
    "Małgorzata": ("Gosia",),
    "Abdirahman": ("Abdi",),
    "Abdullahi": ("Abdul",),
    "Giovanni": ("Gio",),
    "Francesca": ("Frankie",),
    "Elijah": ("Eli",),
    "Makayla": ("Kayla",),
    "Nataliia": ("Natasha",),
    "Kathleen": ("Katie",),
    "Wojciech": ("Wojtek",),
    "Santiago": ("Santi",),
}
# Preferred names that are not short forms: an English name chosen at school, a middle name.
CHOSEN_FEMININE = ("Tina", "Jenny", "Lily", "Ellie", "Rae", "Sam", "Jo")
CHOSEN_MASCULINE = ("Kevin", "Andy", "Max", "Jay", "Sam", "Danny", "Leo")

RELATIVES_FEMININE = ("mother", "grandmother", "aunt", "stepmother", "older sister", "guardian")
RELATIVES_MASCULINE = ("father", "grandfather", "uncle", "stepfather", "older brother", "guardian")

# Pairs from the lists above that name someone well known; a student never gets one of these.
FAMOUS = frozenset(
    {
        "Abigail Adams",
        "Lauren Hill",
        "Grace Kelly",
        "Isaiah Thomas",
        "Iván Rodríguez",
        "Ángel Hernández",
        "José Reyes",
        "José Ramírez",
        "Luis Castillo",
        "Karl Richter",
        "Brendan Gallagher",
        "Declan O'Rourke",
        "Kathleen Sullivan",
        "Erin O'Connor",
        "Lars Larson",
    }
)

_ORDER = tuple(HERITAGES)
_WEIGHTS = tuple(HERITAGES[h].weight for h in _ORDER)
MIXED_FAMILY_SHARE = 0.08


@dataclass(frozen=True, slots=True)
class PersonName:
    first: str
    last: str
    heritage: str
    feminine: bool


def pick_heritage(rng: random.Random) -> str:
    return rng.choices(_ORDER, _WEIGHTS)[0]


def pick_name(rng: random.Random) -> PersonName:
    """A made-up first and last name; now and then the two come from different heritages."""
    while True:
        family = pick_heritage(rng)
        given = pick_heritage(rng) if rng.random() < MIXED_FAMILY_SHARE else family
        feminine = rng.random() < 0.5
        first = _given_name(rng, given, feminine)
        last = _surname(rng, family)
        if f"{first} {last}" not in FAMOUS:
            return PersonName(first, last, family, feminine)


def pick_preferred(rng: random.Random, name: PersonName) -> str:
    """A name a student goes by instead of the first name."""
    if name.first in NICKNAMES:
        return rng.choice(NICKNAMES[name.first])
    return rng.choice(CHOSEN_FEMININE if name.feminine else CHOSEN_MASCULINE)


def family_member_name(rng: random.Random, student_last: str, heritage: str) -> str:
    """A relative or guardian as a case lists them: a made-up name and how they are related."""
    feminine = rng.random() < 0.6
    first = _given_name(rng, heritage, feminine)
    last = student_last if rng.random() < 0.75 else _surname(rng, heritage)
    relation = rng.choice(RELATIVES_FEMININE if feminine else RELATIVES_MASCULINE)
    return f"{first} {last} ({relation})"


def _given_name(rng: random.Random, heritage: str, feminine: bool) -> str:
    names = HERITAGES[heritage]
    return rng.choice(names.feminine if feminine else names.masculine)


def _surname(rng: random.Random, heritage: str) -> str:
    surnames = HERITAGES[heritage].surnames
    last = rng.choice(surnames)
    if heritage == "latino" and rng.random() < 0.12:
        # Two family names, as many Latino families write them.
        second = rng.choice(surnames)
        if second != last:
            return f"{last} {second}"
    return last
