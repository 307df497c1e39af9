"""Names and addresses for synthetic citizens: common in Denmark, combined at random, describing no one.

First names and surnames are among the most frequent in Denmark (Danmarks Statistik's name statistics),
including names common among Danes with roots abroad, as a job centre's caseload is. A first name, a
surname, a street and a house number are drawn independently, and the town is invented, so no combination
points at a real person. The postal codes 9998 and 9999 lie above the highest Danish one in use (9990).
"""

import random
from dataclasses import dataclass

FEMALE_FIRST_NAMES = (
    "Anne", "Kirsten", "Mette", "Hanne", "Helle", "Anna", "Susanne", "Lene", "Maria", "Marianne",
    "Lone", "Camilla", "Pia", "Louise", "Charlotte", "Tina", "Gitte", "Bente", "Jette", "Karen",
    "Lise", "Dorthe", "Birgitte", "Trine", "Rikke", "Julie", "Sofie", "Ida", "Emma", "Laura",
    "Sara", "Signe", "Cecilie", "Line", "Maja", "Nanna", "Katrine", "Stine", "Heidi", "Malene",
    "Fatima", "Aisha", "Sana", "Marwa", "Agnieszka", "Elif",
)  # fmt: skip

MALE_FIRST_NAMES = (
    "Peter", "Jens", "Michael", "Lars", "Henrik", "Thomas", "Søren", "Jan", "Christian", "Martin",
    "Niels", "Anders", "Morten", "Jesper", "Mads", "Rasmus", "Jørgen", "Hans", "Per", "Ole",
    "Mikkel", "Kim", "Frederik", "Lasse", "Mathias", "Jonas", "Emil", "Kasper", "Nikolaj", "Brian",
    "Kenneth", "Bo", "Torben", "Steen", "Allan", "Dennis", "Simon", "Tobias", "Jakob", "Oliver",
    "Mohammad", "Ali", "Ahmad", "Omar", "Piotr", "Mehmet",
)  # fmt: skip

SURNAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
    "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen",
    "Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Eriksen", "Holm", "Kristiansen",
    "Clausen", "Simonsen", "Svendsen", "Andreasen", "Iversen", "Jeppesen", "Mogensen", "Jespersen",
    "Nissen", "Lauridsen", "Kjær", "Østergaard", "Vestergaard", "Dam", "Bech", "Winther",
    "Ahmed", "Hussein", "Yilmaz", "Nowak", "Ali", "Khan",
)  # fmt: skip

# Street names that fit the invented towns; with an invented town and postal code they name no real address.
STREETS = (
    "Evnevej", "Ressourcestien", "Kløverengen", "Møllebakken", "Lærkevænget", "Anemonevej", "Skolegade",
    "Åbrinken", "Vibeholmsvej", "Fjordglimt", "Kastanjealléen", "Rugmarken", "Præstevænget",
    "Stationsvej", "Bøgehøjen", "Hybenvej", "Solsortevej", "Tømrervangen", "Engtoften", "Havnegade",
)  # fmt: skip

EVNEKOBING = ("9999", "Evnekøbing")
ANDEBY = ("9998", "Andeby")


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    female: bool


def person(rng: random.Random, *, female: bool | None = None) -> Person:
    """A random first name and surname; `female=None` draws the sex too."""
    if female is None:
        female = rng.random() < 0.5
    first = rng.choice(FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES)
    return Person(first_name=first, last_name=rng.choice(SURNAMES), female=female)


def street_address(rng: random.Random) -> str:
    """A street and house number, now and then with a floor and side as in Danish flats."""
    address = f"{rng.choice(STREETS)} {rng.randint(1, 120)}"
    if rng.random() < 0.3:
        address += f", {rng.randint(1, 4)}. {rng.choice(('th', 'tv', 'mf'))}"
    return address
