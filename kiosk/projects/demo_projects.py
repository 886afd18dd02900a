"""The twelve demo projects of a départemental council, French and English."""

from __future__ import annotations

from typing import Final, NamedTuple

from kiosk.projects.catalogue import ProjectStage


class DemoProject(NamedTuple):
    title: str
    title_en: str
    pitch: str
    pitch_en: str
    direction: str
    stage: ProjectStage
    for_agents: str
    for_agents_en: str
    ambassador: str
    events: tuple[str, ...]
    glyph: str  # the demo picture's motif


PROJECTS: Final[tuple[DemoProject, ...]] = (
    DemoProject(
        "Assistant IA des agents", "Staff AI assistant",
        "Un assistant d’IA générative hébergé en France pour rédiger, résumer et traduire.",
        "A generative AI assistant hosted in France to draft, summarise and translate.",
        "Direction des systèmes d’information", ProjectStage.EXPERIMENT,
        "Des courriers et comptes rendus préparés en quelques minutes, sans données qui sortent "
        "du Département.",
        "Letters and minutes drafted in minutes, with no data leaving the council.",
        "Claire Martin", ("Atelier : découvrir les assistants d'IA générative",
                          "Masterclass : l'IA générative au service de l'action publique",
                          "Table ronde : l'IA dans nos métiers, opportunités et limites"),
        "IA",
    ),
    DemoProject(
        "Signature électronique des actes", "Electronic signature of decisions",
        "Les arrêtés et conventions signés en ligne, du bureau ou en déplacement.",
        "Orders and agreements signed online, at the office or on the move.",
        "Direction juridique", ProjectStage.IN_SERVICE,
        "Plus de parapheur papier à faire circuler : un circuit suivi en temps réel.",
        "No more paper signing books to pass round: the approval chain tracked live.",
        "Julien Bernard", ("Café numérique : la signature électronique",),
        "SE",
    ),
    DemoProject(
        "Collèges connectés", "Connected secondary schools",
        "Le très haut débit et un environnement numérique de travail dans les 77 collèges.",
        "Fast broadband and a digital workspace in all 77 secondary schools.",
        "Direction de l’éducation et des collèges", ProjectStage.ROLLOUT,
        "Les agents des collèges gèrent les équipements et les demandes depuis un seul portail.",
        "School staff manage equipment and requests from a single portal.",
        "Sophie Laurent", ("Atelier : prise en main des outils collaboratifs",),
        "CC",
    ),
    DemoProject(
        "Viabilité hivernale en temps réel", "Live winter road conditions",
        "L’état des routes de montagne remonté du terrain sur tablette, publié aux usagers.",
        "Mountain road conditions reported from the field on tablets and published to users.",
        "Direction des routes et des infrastructures de transport", ProjectStage.IN_SERVICE,
        "Les patrouilleurs saisissent l’état d’une route en trois gestes, hors réseau compris.",
        "Patrol crews record a road's state in three taps, even with no signal.",
        "Marc Giordano", ("Atelier : sécuriser son smartphone professionnel",),
        "VH",
    ),
    DemoProject(
        "Dossier usager unique", "Single user file",
        "Une seule fiche par usager partagée entre les maisons des solidarités.",
        "One record per person shared between the social services offices.",
        "Direction des solidarités humaines", ProjectStage.ROLLOUT,
        "Plus besoin de redemander les mêmes pièces : l’accueil voit ce qui est déjà fourni.",
        "No need to ask for the same papers again: the front desk sees what was provided.",
        "Nadia Haddad", ("Table ronde : dématérialisation et accueil des usagers",),
        "DU",
    ),
    DemoProject(
        "Capteurs de crues", "Flood sensors",
        "Des capteurs connectés sur les vallons pour alerter avant la montée des eaux.",
        "Connected sensors in the valleys to warn before the water rises.",
        "Direction de l’environnement et de la gestion des risques", ProjectStage.EXPERIMENT,
        "Les équipes d’astreinte reçoivent une alerte précise au lieu de tournées préventives.",
        "On-call teams get a precise alert instead of preventive rounds.",
        "Thomas Rinaldi", (),
        "CR",
    ),
    DemoProject(
        "Parcours numérique des nouveaux arrivants", "Digital onboarding for newcomers",
        "Compte, poste, badge et formations prêts le premier jour, en un seul parcours.",
        "Account, computer, badge and training ready on day one, in a single journey.",
        "Direction des ressources humaines", ProjectStage.EXPERIMENT,
        "Un nouvel agent est opérationnel dès son arrivée ; son manager suit chaque étape.",
        "A new starter can work from day one; their manager follows every step.",
        "Émilie Rossi", ("Café numérique : les nouveautés du poste de travail",
                         "Café numérique : bien gérer sa messagerie"),
        "NA",
    ),
    DemoProject(
        "Factures fournisseurs dématérialisées", "Paperless supplier invoices",
        "Les factures reçues sur Chorus Pro circulent et se valident sans papier.",
        "Invoices received on Chorus Pro are routed and approved without paper.",
        "Direction des finances", ProjectStage.IN_SERVICE,
        "Validation du service fait en un clic ; les fournisseurs sont payés plus vite.",
        "Goods received confirmed in one click; suppliers are paid sooner.",
        "Laurent Ferrari", ("Table ronde : dématérialisation et accueil des usagers",),
        "€",
    ),
    DemoProject(
        "Musées en réalité virtuelle", "Virtual reality museums",
        "Les collections départementales visitées en réalité virtuelle dans les vallées.",
        "The council's collections visited in virtual reality in the valleys.",
        "Direction de la culture", ProjectStage.IDEA,
        "Les médiateurs emportent une visite complète dans le Smart Tour.",
        "Guides take a full tour with them on the Smart Tour.",
        "Camille Faure", ("Atelier : la réalité virtuelle pour se former",),
        "VR",
    ),
    DemoProject(
        "Numérique responsable", "Responsible digital services",
        "Allonger la vie des postes et réduire l’empreinte de nos usages numériques.",
        "Make computers last longer and reduce the footprint of our digital habits.",
        "Direction des systèmes d’information", ProjectStage.ROLLOUT,
        "Postes reconditionnés, impression sobre, et un bilan carbone de son service.",
        "Refurbished computers, lean printing, and a carbon report for each service.",
        "Hugo Lambert",
        ("Café numérique : partager ses fichiers sans pièce jointe",
         "Masterclass : numérique responsable, réduire l'empreinte de nos usages",
         "Table ronde : sobriété numérique, quels engagements pour le Département ?"),
        "NR",
    ),
    DemoProject(
        "Accessibilité des démarches en ligne", "Accessible online services",
        "Toutes les démarches du Département conformes au RGAA d’ici deux ans.",
        "Every online service of the council compliant with the RGAA within two years.",
        "Direction de la communication", ProjectStage.ROLLOUT,
        "Des gabarits de documents accessibles et un audit avant chaque mise en ligne.",
        "Accessible document templates and an audit before anything goes online.",
        "Léa Moreau", ("Masterclass : accessibilité numérique, concevoir pour tous (RGAA)",
                       "Atelier : créer des documents accessibles"),
        "A11Y",
    ),
    DemoProject(
        "Téléassistance des seniors connectée", "Connected telecare for older people",
        "Une téléassistance qui détecte les chutes et prévient les proches.",
        "A telecare service that detects falls and alerts relatives.",
        "Direction de l’autonomie et du handicap", ProjectStage.IDEA,
        "Les évaluateurs proposent l’équipement lors de la visite à domicile.",
        "Assessors offer the device during the home visit.",
        "Paul Mercier", ("Table ronde : l'inclusion numérique dans les vallées",),
        "TA",
    ),
)  # fmt: skip
