"""Reference lists for the demo data set: the council's organisation, its sites, names, topics.

Plausible, not real: the directions and towns are those of a French départemental council in
the Alpes-Maritimes, but every person is made up and no street address is meant to be exact.
Kept apart from :mod:`kiosk.demo.seed` so the seeding logic reads on one screen.
"""

from __future__ import annotations

from typing import Final

from kiosk.domain import EventKind

# (code, name, services)
DIRECTIONS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    (
        "DSI",
        "Direction des systèmes d'information",
        (
            "Service infrastructures et réseaux",
            "Service applications métiers",
            "Service support et proximité",
            "Service transformation numérique",
        ),
    ),
    (
        "DSH",
        "Direction des solidarités humaines",
        (
            "Service de l'action sociale territoriale",
            "Service insertion et lutte contre la précarité",
            "Service logement et habitat",
        ),
    ),
    (
        "DRIT",
        "Direction des routes et des infrastructures de transport",
        (
            "Subdivision départementale Littoral",
            "Subdivision départementale des Vallées",
            "Service des ouvrages d'art",
            "Service des transports",
        ),
    ),
    (
        "DEC",
        "Direction de l'éducation et des collèges",
        (
            "Service des collèges",
            "Service de la restauration scolaire",
            "Service du numérique éducatif",
        ),
    ),
    (
        "DRH",
        "Direction des ressources humaines",
        (
            "Service carrières et paie",
            "Service formation et compétences",
            "Service santé et qualité de vie au travail",
        ),
    ),
    (
        "DFIN",
        "Direction des finances",
        ("Service du budget", "Service de la comptabilité", "Service de la commande publique"),
    ),
    (
        "DENV",
        "Direction de l'environnement et de la gestion des risques",
        (
            "Service forêts et espaces naturels",
            "Service eau et milieux aquatiques",
            "Service des risques naturels",
        ),
    ),
    (
        "DCULT",
        "Direction de la culture",
        (
            "Archives départementales",
            "Service patrimoine et musées",
            "Médiathèque départementale",
        ),
    ),
    (
        "DEF",
        "Direction de l'enfance et de la famille",
        (
            "Service de l'aide sociale à l'enfance",
            "Service de protection maternelle et infantile",
        ),
    ),
    (
        "DAH",
        "Direction de l'autonomie et du handicap",
        (
            "Service des personnes âgées",
            "Service des personnes en situation de handicap",
            "Service des établissements et services médico-sociaux",
        ),
    ),
    (
        "DJUR",
        "Direction juridique",
        ("Service des affaires juridiques", "Service des assurances"),
    ),
    (
        "DCOM",
        "Direction de la communication",
        ("Service presse et éditions", "Service événementiel et protocole"),
    ),
)

CADAM_CODE: Final = "CADAM"

# (code, name, town, address, is_smart_corner); the CADAM comes first and hosts the Smart Corner.
SITES: Final[tuple[tuple[str, str, str, str, bool], ...]] = (
    (
        CADAM_CODE,
        "Centre administratif départemental des Alpes-Maritimes (CADAM)",
        "Nice",
        "147 boulevard du Mercantour, route de Grenoble, 06200 Nice",
        True,
    ),
    ("NICE-LEP", "Maison des solidarités départementales Nice Lépante", "Nice",
     "Avenue de la République, 06300 Nice", False),
    ("CANNES", "Maison des solidarités départementales de Cannes", "Cannes",
     "Boulevard Carnot, 06400 Cannes", False),
    ("GRASSE", "Pôle départemental de Grasse", "Grasse",
     "Boulevard du Jeu de Ballon, 06130 Grasse", False),
    ("MENTON", "Maison du Département de Menton", "Menton",
     "Avenue de Sospel, 06500 Menton", False),
    ("ANTIBES", "Maison des solidarités départementales d'Antibes", "Antibes",
     "Avenue Philippe Rochat, 06600 Antibes", False),
    ("PUGET", "Maison du Département de Puget-Théniers", "Puget-Théniers",
     "Place Adolphe Conil, 06260 Puget-Théniers", False),
    ("ST-MARTIN", "Centre d'exploitation routière de Saint-Martin-Vésubie",
     "Saint-Martin-Vésubie", "Route de la Colmiane, 06450 Saint-Martin-Vésubie", False),
    ("BREIL", "Subdivision routière de la Roya", "Breil-sur-Roya",
     "Route de Tende, 06540 Breil-sur-Roya", False),
    ("TENDE", "Maison du Département de Tende", "Tende",
     "Avenue du 16 Septembre 1947, 06430 Tende", False),
    ("VENCE", "Maison des solidarités départementales de Vence", "Vence",
     "Avenue des Poilus, 06140 Vence", False),
    ("CAGNES", "Maison des solidarités départementales de Cagnes-sur-Mer",
     "Cagnes-sur-Mer", "Avenue de Grasse, 06800 Cagnes-sur-Mer", False),
    ("CARROS", "Centre technique départemental de Carros", "Carros",
     "Zone industrielle, 06510 Carros", False),
    ("ST-LAURENT", "Maison des solidarités départementales de Saint-Laurent-du-Var",
     "Saint-Laurent-du-Var", "Avenue du Général Leclerc, 06700 Saint-Laurent-du-Var", False),
    ("SOPHIA", "Pôle départemental de Valbonne Sophia Antipolis", "Valbonne",
     "Route des Lucioles, 06560 Valbonne Sophia Antipolis", False),
    ("LE-CANNET", "Maison des solidarités départementales du Cannet", "Le Cannet",
     "Boulevard Sadi Carnot, 06110 Le Cannet", False),
    ("MANDELIEU", "Antenne départementale de Mandelieu-la-Napoule",
     "Mandelieu-la-Napoule", "Avenue de Cannes, 06210 Mandelieu-la-Napoule", False),
    ("VILLEFR", "Antenne départementale de Villefranche-sur-Mer", "Villefranche-sur-Mer",
     "Avenue Albert Ier, 06230 Villefranche-sur-Mer", False),
    ("BEAUSOLEIL", "Maison des solidarités départementales de Beausoleil", "Beausoleil",
     "Boulevard de la République, 06240 Beausoleil", False),
    ("ROQUEBIL", "Maison du Département de Roquebillière", "Roquebillière",
     "Avenue Corniglion-Molinier, 06450 Roquebillière", False),
    ("ST-ETIENNE", "Maison du Département de Saint-Étienne-de-Tinée",
     "Saint-Étienne-de-Tinée", "Place de l'Église, 06660 Saint-Étienne-de-Tinée", False),
    ("SOSPEL", "Subdivision routière de la Bévéra", "Sospel",
     "Avenue Jean Médecin, 06380 Sospel", False),
    ("LEVENS", "Centre d'exploitation routière de Levens", "Levens",
     "Route de Saint-Martin, 06670 Levens", False),
    ("GUILLAUMES", "Maison du Département de Guillaumes", "Guillaumes",
     "Place de la Mairie, 06470 Guillaumes", False),
    ("CONTES", "Centre d'exploitation routière de Contes", "Contes",
     "Route de Sclos, 06390 Contes", False),
)  # fmt: skip

FIRST_NAMES: Final = (
    "Adèle", "Agnès", "Alain", "Alexandre", "Alice", "Amandine", "Anaïs", "André", "Anne",
    "Antoine", "Arnaud", "Aurélie", "Baptiste", "Benoît", "Bernard", "Brigitte", "Camille",
    "Carole", "Catherine", "Cédric", "Céline", "Chantal", "Charles", "Chloé", "Christian",
    "Christine", "Claire", "Clément", "Corinne", "Damien", "Daniel", "David", "Delphine",
    "Denis", "Didier", "Dominique", "Élodie", "Émilie", "Emma", "Éric", "Estelle", "Fabien",
    "Fabienne", "Florence", "Florian", "Franck", "François", "Frédéric", "Gaëlle", "Georges",
    "Gilles", "Guillaume", "Hélène", "Hugo", "Isabelle", "Jacques", "Jean", "Jean-Marc",
    "Jean-Pierre", "Jérôme", "Joël", "Julie", "Julien", "Karine", "Laetitia", "Laurence",
    "Laurent", "Léa", "Lionel", "Louise", "Luc", "Lucas", "Magali", "Manon", "Marc",
    "Marie", "Marie-Claude", "Martine", "Mathieu", "Maxime", "Mélanie", "Michel", "Mireille",
    "Nadia", "Nathalie", "Nicolas", "Noémie", "Olivier", "Pascal", "Patricia", "Patrick",
    "Paul", "Philippe", "Pierre", "Rachid", "Raphaël", "Romain", "Sabrina", "Samia",
    "Sandrine", "Sébastien", "Sophie", "Stéphane", "Sylvie", "Thierry", "Thomas", "Valérie",
    "Véronique", "Vincent", "Virginie", "Yannick", "Yasmine", "Yves", "Zoé",
)  # fmt: skip

LAST_NAMES: Final = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
    "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
    "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
    "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas",
    "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc",
    "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy",
    "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Louis",
    "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein",
    "Giordano", "Bianchi", "Ferrero", "Gioan", "Castellan", "Baudoin", "Raybaud", "Ciais",
    "Maurel", "Ottavi", "Rostagni", "Barale", "Cagnoli", "Dalmasso", "Ghiglione", "Lanteri",
    "Pellegrino", "Rinaldi", "Scotto", "Testa", "Bensaïd", "Haddad", "Benali", "Nguyen",
    "Da Silva", "Le Gall", "De Luca", "N'Diaye",
)  # fmt: skip

# (organisation, how many visitors come from it)
ORGANISATIONS: Final[tuple[tuple[str, int], ...]] = (
    ("Métropole Nice Côte d'Azur", 4),
    ("CCAS de Cannes", 3),
    ("Université Côte d'Azur", 4),
    ("SDIS 06", 3),
    ("Communauté d'agglomération de la Riviera française", 2),
    ("Communauté d'agglomération Sophia Antipolis", 2),
    ("Ville de Grasse", 2),
    ("Préfecture des Alpes-Maritimes", 2),
    ("Région Sud Provence-Alpes-Côte d'Azur", 2),
    ("Caisse d'allocations familiales des Alpes-Maritimes", 2),
    ("CHU de Nice", 2),
    ("Inria, centre d'Université Côte d'Azur", 2),
)

# Titles per kind: the programme of a year of the Smart Corner, on digital topics.
TITLES: Final[dict[EventKind, tuple[str, ...]]] = {
    EventKind.MASTERCLASS: (
        "Masterclass : l'IA générative au service de l'action publique",
        "Masterclass : cybersécurité, les bons réflexes face au hameçonnage",
        "Masterclass : numérique responsable, réduire l'empreinte de nos usages",
        "Masterclass : accessibilité numérique, concevoir pour tous (RGAA)",
        "Masterclass : la donnée au cœur des politiques publiques",
        "Masterclass : RGPD, protéger les données des usagers",
        "Masterclass : innovation managériale et travail hybride",
        "Masterclass : le cloud de confiance expliqué",
    ),
    EventKind.TABLE_RONDE: (
        "Table ronde : l'IA dans nos métiers, opportunités et limites",
        "Table ronde : l'inclusion numérique dans les vallées",
        "Table ronde : sobriété numérique, quels engagements pour le Département ?",
        "Table ronde : manager une équipe à distance, retours d'expérience",
        "Table ronde : dématérialisation et accueil des usagers",
        "Table ronde : les outils collaboratifs, deux ans après",
    ),
    EventKind.ATELIER_TECHNOLOGIQUE: (
        "Atelier : découvrir les assistants d'IA générative",
        "Atelier : prise en main des outils collaboratifs",
        "Atelier : impression 3D au Smart Lab",
        "Atelier : la réalité virtuelle pour se former",
        "Atelier : sécuriser son smartphone professionnel",
        "Atelier : automatiser ses tâches répétitives",
        "Atelier : créer des documents accessibles",
    ),
    EventKind.CAFE_NUMERIQUE: (
        "Café numérique : bien gérer sa messagerie",
        "Café numérique : mots de passe et gestionnaire de mots de passe",
        "Café numérique : la signature électronique",
        "Café numérique : la visioconférence sans stress",
        "Café numérique : partager ses fichiers sans pièce jointe",
        "Café numérique : les nouveautés du poste de travail",
        "Café numérique : repérer un courriel frauduleux",
    ),
    EventKind.FORMATION: (
        "Formation : tableur, les tableaux croisés dynamiques",
        "Formation : traitement de texte et documents accessibles",
        "Formation : sensibilisation à la cybersécurité",
        "Formation : le RGPD au quotidien",
        "Formation : piloter un projet en mode agile",
        "Formation : organiser son temps avec l'agenda partagé",
        "Formation : premiers pas avec l'IA générative",
    ),
}

DESCRIPTIONS: Final[dict[EventKind, str]] = {
    EventKind.MASTERCLASS: "Une heure d'exposé par un expert, suivie de questions-réponses.",
    EventKind.TABLE_RONDE: "Des agents et des partenaires croisent leurs expériences.",
    EventKind.ATELIER_TECHNOLOGIQUE: "Manipulation en petit groupe, matériel fourni.",
    EventKind.CAFE_NUMERIQUE: "Un moment convivial pour poser ses questions, sans inscription "
    "préalable obligatoire.",
    EventKind.FORMATION: "Formation inscrite au plan de formation, attestation délivrée.",
}
