"""Sentence templates for the synthetic benchmark stream, in French and English.

Event sentences are written like wire copy about watched people and countries; hard negatives put
an event word or a watched name in a sentence that reports no diplomatic event; filler is ordinary
news prose. Slots in braces are filled by ``corpus``: ``{a}``/``{b}`` two leaders of different
countries, ``{x}``/``{y}`` two countries (``{y_in}``: French "en Chine", ``{x_of}``: "du Japon"),
``{cap}`` the capital of ``{y}``, ``{day}``, ``{city}`` (never watched), ``{n}``, ``{pct}``.

These are benchmark fixtures, not analyst data: changing them changes the workload being measured.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Leader:
    name: str  # as written in both languages unless ``name_fr`` says otherwise
    country: str  # key into COUNTRIES
    name_fr: str | None = None

    def written(self, lang: str) -> str:
        return self.name_fr if lang == "fr" and self.name_fr else self.name


@dataclass(frozen=True)
class Country:
    en: str
    fr: str
    fr_in: str  # "en Chine", "au Japon", "aux États-Unis"
    fr_of: str  # "de Chine", "du Japon", "des États-Unis"
    capital_en: str
    capital_fr: str


COUNTRIES: dict[str, Country] = {
    "CN": Country("China", "la Chine", "en Chine", "de Chine", "Beijing", "Pékin"),
    "RU": Country("Russia", "la Russie", "en Russie", "de Russie", "Moscow", "Moscou"),
    "US": Country(
        "the United States",
        "les États-Unis",
        "aux États-Unis",
        "des États-Unis",
        "Washington",
        "Washington",
    ),
    "FR": Country("France", "la France", "en France", "de France", "Paris", "Paris"),
    "DE": Country("Germany", "l'Allemagne", "en Allemagne", "d'Allemagne", "Berlin", "Berlin"),
    "IN": Country("India", "l'Inde", "en Inde", "d'Inde", "New Delhi", "New Delhi"),
    "JP": Country("Japan", "le Japon", "au Japon", "du Japon", "Tokyo", "Tokyo"),
    "UA": Country("Ukraine", "l'Ukraine", "en Ukraine", "d'Ukraine", "Kyiv", "Kiev"),
    "GB": Country(
        "Britain", "le Royaume-Uni", "au Royaume-Uni", "du Royaume-Uni", "London", "Londres"
    ),
    "TR": Country("Turkey", "la Turquie", "en Turquie", "de Turquie", "Ankara", "Ankara"),
    "BR": Country("Brazil", "le Brésil", "au Brésil", "du Brésil", "Brasilia", "Brasilia"),
    "IR": Country("Iran", "l'Iran", "en Iran", "d'Iran", "Tehran", "Téhéran"),
}

LEADERS: tuple[Leader, ...] = (
    Leader("Xi Jinping", "CN"),
    Leader("Vladimir Putin", "RU", "Vladimir Poutine"),
    Leader("Sergey Lavrov", "RU", "Sergueï Lavrov"),
    Leader("Joe Biden", "US"),
    Leader("Antony Blinken", "US"),
    Leader("Emmanuel Macron", "FR"),
    Leader("Olaf Scholz", "DE"),
    Leader("Narendra Modi", "IN"),
    Leader("Fumio Kishida", "JP"),
    Leader("Volodymyr Zelenskyy", "UA", "Volodymyr Zelensky"),
    Leader("Dmytro Kuleba", "UA"),
    Leader("Keir Starmer", "GB"),
    Leader("Wang Yi", "CN"),
)

DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
# Provincial towns: no watchlist alias, so filler that names them stays irrelevant.
CITIES = {
    "en": ("Leeds", "Bristol", "Manchester", "Glasgow", "Cardiff", "Norwich", "Aberdeen"),
    "fr": ("Lyon", "Nantes", "Lille", "Rennes", "Grenoble", "Dijon", "Limoges"),
}

EVENTS: dict[str, tuple[str, ...]] = {
    "en": (
        # state_visit
        "{a} will travel to {y} next week for talks with {b}, officials said on {day}.",
        "{a} arrived in {cap} on {day} for a two-day state visit to {y}.",
        "{a} is due to pay an official visit to {y} at the invitation of {b}.",
        "{b} hosted {a} in {cap} on {day}, the first visit by the leader in five years.",
        "{a} visited {y} last week and held talks with {b} on trade and security.",
        "{a} cancelled a planned trip to {y}, citing the crisis at home.",
        # phone_call
        "{a} spoke by phone with {b} on {day}, discussing trade and regional security.",
        "{a} and {b} held a video call on {day}, their first conversation since the summit.",
        "{a} telephoned {b} on {day} to discuss the war and grain exports.",
        # sanctions
        "{x} imposed new sanctions on {y} on {day}, targeting banks and energy companies.",
        "The European Union extended its sanctions against {y} for another six months.",
        "{x} threatened {y} with fresh sanctions if the talks failed.",
        "{x} condemned the sanctions imposed by {y}, calling them illegal.",
        "{x} lifted some of its sanctions on {y} after the prisoner exchange.",
        # meeting
        "{a} met {b} on the sidelines of the G20 summit on {day}.",
    ),
    "fr": (
        "{a} se rendra {y_in} la semaine prochaine pour des entretiens avec {b}, a annoncé {day} "
        "la présidence.",
        "{a} est arrivé {day} à {cap} pour une visite d'État de deux jours {y_in}.",
        "{a} effectuera une visite officielle {y_in} à l'invitation de {b}.",
        "{b} a reçu {a} {day} à {cap}, une première visite depuis cinq ans.",
        "{a} a annulé son déplacement {y_in}, invoquant la crise intérieure.",
        "{a} s'est entretenu par téléphone avec {b} {day}, évoquant le commerce et la sécurité.",
        "{a} et {b} ont tenu une visioconférence {day}, leur premier échange depuis le sommet.",
        "{a} a téléphoné {day} à {b} pour évoquer la guerre et les exportations de céréales.",
        "{x} a imposé {day} de nouvelles sanctions contre {y}, visant des banques et des "
        "entreprises de l'énergie.",
        "L'Union européenne a prolongé de six mois ses sanctions contre {y}.",
        "{x} a menacé {y} de nouvelles sanctions en cas d'échec des négociations.",
        "{x} a condamné les sanctions imposées par {y}, les qualifiant d'illégales.",
        "{x} a levé une partie de ses sanctions contre {y} après l'échange de prisonniers.",
        "{a} a rencontré {b} {day} en marge du sommet du G20.",
    ),
}

HARD_NEGATIVES: dict[str, tuple[str, ...]] = {
    "en": (
        "The football association sanctioned the club after fans invaded the pitch in {city}.",
        "The league handed the {city} side a sanction of three matches behind closed doors.",
        "Tourists from {x} visited the museum in {city} in record numbers over the weekend.",
        "The exhibition on {x} at the {city} museum received {n} visitors on {day}.",
        "{a} called for talks between the two sides to end the fighting.",
        "{a} urged both parties to return to the negotiating table.",
        "{a} said inflation remained the main concern for households.",
        "Shares of companies exposed to {x} rose {pct} per cent on {day}.",
        "{a} did not travel to {y} this year, his office said.",
    ),
    "fr": (
        "La fédération de football a sanctionné le club de {city} après l'envahissement du "
        "terrain.",
        "La commission de discipline a infligé une sanction de trois matchs à huis clos au club "
        "de {city}.",
        "Les touristes venus {x_of} ont visité en nombre le musée de {city} ce week-end.",
        "L'exposition consacrée à l'art {x_of} au musée de {city} a reçu {n} visiteurs {day}.",
        "{a} a appelé à des pourparlers entre les deux parties pour mettre fin aux combats.",
        "{a} a exhorté les deux camps à revenir à la table des négociations.",
        "{a} a déclaré que l'inflation restait la principale préoccupation des ménages.",
        "Les actions des groupes présents {x_in} ont progressé de {pct} % {day}.",
    ),
}

FILLER: dict[str, tuple[str, ...]] = {
    "en": (
        "Inflation slowed to {pct} per cent in the year to March, the statistics office said.",
        "The central bank kept its main interest rate unchanged on {day}.",
        "Economists had expected a smaller fall in consumer prices over the month.",
        "Retail sales rose for the third month in a row, helped by warmer weather.",
        "Heavy rain caused flooding in parts of {city} overnight, and several roads were closed.",
        "Forecasters said the wet weather would continue until the end of the week.",
        "The council said {n} homes had been affected and emergency teams were on standby.",
        "Rail services between {city} and the coast were disrupted for most of the morning.",
        "The company reported a pre-tax profit of {n} million pounds for the first half.",
        "Its shares fell {pct} per cent in early trading after the results were published.",
        "The chief executive said demand had held up better than expected.",
        "Analysts said the outlook for the second half remained uncertain.",
        "Hospital waiting lists grew again in February, according to official figures.",
        "Nurses in {city} voted to accept the latest pay offer after months of negotiations.",
        "The health service said it would recruit {n} more staff by the end of the year.",
        "A new exhibition of early photography opens at the gallery on {day}.",
        "The festival drew more than {n} visitors, a record for the town.",
        "Organisers said ticket sales had been strong despite the rising cost of living.",
        "The film, shot largely in {city}, premieres next month.",
        "Police in {city} appealed for witnesses after a collision on the ring road.",
        "A man has been charged in connection with the incident, the force said.",
        "The local authority approved plans for {n} new homes on the edge of the city.",
        "Residents raised concerns about traffic and the loss of green space.",
        "The scheme also includes a primary school and a health centre.",
        "Scientists reported that the glacier had lost {pct} per cent of its mass in a decade.",
        "The study, published on {day}, used satellite data going back thirty years.",
        "The researchers said the findings underlined the pace of warming in the region.",
        "The software update fixes a flaw that could let attackers take over a device.",
        "Users were advised to install the update as soon as possible.",
        "Electric car sales rose by {pct} per cent compared with the same period last year.",
        "Manufacturers said a shortage of chips was still holding back production.",
        "The striker scored twice as {city} won {n} to one on {day} evening.",
        "The manager praised his players for their discipline in the second half.",
        "Tickets for the final sold out within hours, the club said.",
        "The school will remain closed until repairs to the roof are finished.",
        "Parents were told that lessons would move online for the rest of the week.",
        "The airport expects {n} passengers over the holiday weekend.",
        "Queues at security were shorter than last year, a spokesperson said.",
        "Fuel prices have fallen for the fourth consecutive week, motoring groups said.",
        "The regulator said it would publish its review of the sector in the autumn.",
    ),
    "fr": (
        "L'inflation a ralenti à {pct} % sur un an en mars, selon l'institut de statistique.",
        "La banque centrale a laissé son principal taux directeur inchangé {day}.",
        "Les économistes s'attendaient à un recul plus marqué des prix à la consommation.",
        "Les ventes au détail ont progressé pour le troisième mois consécutif.",
        "De fortes pluies ont provoqué des inondations dans plusieurs quartiers de {city}.",
        "Les prévisionnistes annoncent un temps humide jusqu'à la fin de la semaine.",
        "La mairie indique que {n} logements ont été touchés et que les secours restent mobilisés.",
        "La circulation des trains entre {city} et le littoral a été perturbée toute la matinée.",
        "L'entreprise a publié un bénéfice avant impôts de {n} millions d'euros au premier "
        "semestre.",
        "Son action a reculé de {pct} % en début de séance après la publication des résultats.",
        "Le directeur général estime que la demande a mieux résisté que prévu.",
        "Les analystes jugent que les perspectives du second semestre restent incertaines.",
        "Les délais d'attente à l'hôpital se sont encore allongés en février.",
        "Les infirmières de {city} ont accepté la dernière proposition salariale.",
        "L'hôpital prévoit de recruter {n} agents supplémentaires d'ici la fin de l'année.",
        "Une nouvelle exposition consacrée aux débuts de la photographie ouvre {day}.",
        "Le festival a attiré plus de {n} spectateurs, un record pour la commune.",
        "Les organisateurs se félicitent des ventes de billets malgré la hausse des prix.",
        "Le film, tourné en grande partie à {city}, sortira en salles le mois prochain.",
        "La police de {city} lance un appel à témoins après un accident sur le périphérique.",
        "Un homme a été mis en examen dans le cadre de l'enquête, selon le parquet.",
        "Le conseil municipal a approuvé la construction de {n} logements en périphérie.",
        "Des riverains s'inquiètent de la circulation et de la disparition d'espaces verts.",
        "Le projet comprend également une école primaire et une maison de santé.",
        "Selon les chercheurs, le glacier a perdu {pct} % de sa masse en dix ans.",
        "L'étude, publiée {day}, s'appuie sur trente ans de données satellitaires.",
        "Les scientifiques soulignent la rapidité du réchauffement dans la région.",
        "La mise à jour corrige une faille qui permettait de prendre le contrôle d'un appareil.",
        "Les utilisateurs sont invités à l'installer au plus vite.",
        "Les ventes de voitures électriques ont progressé de {pct} % sur un an.",
        "Les constructeurs expliquent que la pénurie de puces freine encore la production.",
        "L'attaquant a marqué deux fois et {city} s'est imposé {day} soir.",
        "L'entraîneur a salué la discipline de ses joueurs en seconde période.",
        "Les billets pour la finale se sont vendus en quelques heures, selon le club.",
        "L'école restera fermée jusqu'à la fin des travaux de toiture.",
        "Les parents ont été informés que les cours se poursuivraient à distance.",
        "L'aéroport attend {n} passagers pendant le week-end prolongé.",
        "Les files d'attente aux contrôles étaient plus courtes que l'an dernier.",
        "Les prix des carburants baissent pour la quatrième semaine consécutive.",
        "Le régulateur publiera son rapport sur le secteur à l'automne.",
    ),
}
