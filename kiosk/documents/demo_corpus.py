"""The demo catalogue's French content: per theme, documents (kind, title, summary, tags) and
the paragraphs their pages are written from. Plain data; ``kiosk.documents.demo`` builds it."""

from __future__ import annotations

from typing import Final

# kind: p = PDF, a = article, v = video, l = link
type Entry = tuple[str, str, str, str]  # kind, title, summary, tags (comma-separated)

CORPUS: Final[dict[str, dict[str, tuple[str, ...] | tuple[Entry, ...]]]] = {
    "Cybersécurité": {
        "documents": (
            (
                "p",
                "Se protéger de l'hameçonnage : les bons réflexes",
                "Reconnaître un courriel piégé, vérifier un lien avant de cliquer et signaler un "
                "message suspect au service informatique en deux clics.",
                "hameçonnage, courriel, signalement",
            ),
            (
                "p",
                "Guide des mots de passe robustes au Département",
                "Longueur, phrases de passe, gestionnaire de mots de passe : ce que la politique "
                "de "
                "sécurité demande et pourquoi.",
                "mot de passe, gestionnaire, politique",
            ),
            (
                "a",
                "Rançongiciels : que faire si votre poste est touché ?",
                "Débrancher le câble réseau, ne pas éteindre, prévenir le support : les premières "
                "minutes comptent.",
                "rançongiciel, incident, support",
            ),
            (
                "p",
                "Activer la double authentification sur votre messagerie",
                "Pas à pas illustré pour sécuriser l'accès à la messagerie depuis un téléphone "
                "professionnel ou personnel.",
                "double authentification, messagerie, téléphone",
            ),
            (
                "v",
                "Cybersécurité en 3 minutes : les arnaques au président",
                "Une courte vidéo sur la fraude au faux dirigeant et les virements urgents "
                "demandés par courriel.",
                "fraude, virement, vidéo",
            ),
            (
                "p",
                "Télétravail en sécurité : VPN, Wi-Fi et écrans partagés",
                "Les règles pour travailler hors des murs sans exposer les données du Département.",
                "VPN, Wi-Fi, télétravail",
            ),
            (
                "l",
                "Cybermalveillance.gouv.fr : assistance et prévention",
                "Le dispositif national d'assistance aux victimes d'actes de cybermalveillance.",
                "assistance, prévention, victime",
            ),
            (
                "a",
                "Clés USB trouvées : pourquoi il ne faut jamais les brancher",
                "Une clé abandonnée sur un parking est un piège classique : explications et bon "
                "réflexe.",
                "clé USB, poste de travail",
            ),
        ),
        "paragraphs": (
            "L'hameçonnage reste la première porte d'entrée des attaques : un courriel imite une "
            "banque, un fournisseur ou un collègue et vous pousse à cliquer sur un lien ou à "
            "ouvrir une pièce jointe. Prenez le temps de vérifier l'adresse de l'expéditeur et "
            "survolez le lien pour voir sa véritable destination.",
            "Un message qui crée l'urgence, qui vous flatte ou qui vous menace doit éveiller "
            "votre vigilance. Le service informatique ne vous demandera jamais votre mot de passe "
            "par courriel ni par téléphone.",
            "Un mot de passe robuste est long plutôt que compliqué : une phrase de passe de quatre "
            "ou cinq mots sans lien entre eux résiste bien mieux qu'un mot court truffé de "
            "symboles. Utilisez un mot de passe différent pour chaque service.",
            "Le gestionnaire de mots de passe fourni par le Département retient vos secrets à "
            "votre place et les remplit automatiquement : vous n'avez plus qu'un seul mot de passe "
            "maître à retenir.",
            "La double authentification ajoute une seconde preuve à votre mot de passe : un code "
            "reçu sur votre téléphone ou une notification à valider. Même volé, votre mot de passe "
            "ne suffit plus à un attaquant.",
            "En cas de doute sur un message, ne répondez pas et utilisez le bouton « Signaler » de "
            "la messagerie. Si vous avez cliqué, prévenez immédiatement le support : une alerte "
            "rapide limite les dégâts.",
            "Un rançongiciel chiffre les fichiers du poste et des partages réseau puis réclame "
            "une rançon. Débranchez le câble réseau, laissez le poste allumé et appelez le "
            "support : ne payez jamais.",
            "Les mises à jour corrigent des failles connues des attaquants. Redémarrez votre poste "
            "quand il vous le propose et ne reportez pas indéfiniment les mises à jour.",
        ),
    },
    "Intelligence artificielle": {
        "documents": (
            (
                "p",
                "L'IA générative au service des agents : charte d'usage",
                "Ce que l'on peut confier à un assistant conversationnel, ce qu'il ne faut jamais "
                "lui donner et comment vérifier ses réponses.",
                "IA générative, charte, usage",
            ),
            (
                "p",
                "Comprendre l'intelligence artificielle en dix questions",
                "Apprentissage automatique, modèles de langage, biais : les notions clés "
                "expliquées sans jargon.",
                "apprentissage automatique, biais, découverte",
            ),
            (
                "a",
                "Rédiger une bonne consigne pour un assistant IA",
                "Contexte, rôle, format attendu, exemples : la méthode pour obtenir des réponses "
                "utiles du premier coup.",
                "consigne, prompt, méthode",
            ),
            (
                "v",
                "Masterclass : l'IA dans les politiques publiques",
                "Retour en vidéo sur la masterclass du Smart Corner consacrée aux usages de l'IA "
                "dans les collectivités.",
                "masterclass, collectivités, vidéo",
            ),
            (
                "p",
                "IA et données personnelles : les précautions à prendre",
                "Pourquoi il ne faut jamais coller de données personnelles dans un outil d'IA "
                "grand public, et quelles alternatives existent.",
                "RGPD, confidentialité",
            ),
            (
                "a",
                "Transcrire et résumer une réunion avec l'IA",
                "Les outils validés par le Département pour produire un compte rendu, et leurs "
                "limites.",
                "réunion, compte rendu, transcription",
            ),
            (
                "l",
                "Le règlement européen sur l'IA expliqué",
                "Une présentation officielle des obligations du règlement européen sur "
                "l'intelligence artificielle.",
                "règlement, Europe, AI Act",
            ),
            (
                "p",
                "Biais des algorithmes : exemples et vigilance",
                "Des cas concrets où un algorithme reproduit des discriminations, et les questions "
                "à se poser avant de l'utiliser.",
                "biais, éthique, algorithme",
            ),
        ),
        "paragraphs": (
            "L'intelligence artificielle générative produit du texte, des images ou du code à "
            "partir d'une consigne rédigée en langage naturel. Elle s'appuie sur des modèles de "
            "langage entraînés sur d'immenses volumes de textes.",
            "Un assistant conversationnel peut aider à reformuler un courrier, à structurer une "
            "note ou à résumer un long document. Il reste un outil : l'agent relit, vérifie et "
            "assume le contenu final.",
            "Ne confiez jamais à un outil d'IA grand public des données personnelles, des "
            "informations sur les usagers ou des documents internes non publiés : ce que vous "
            "saisissez peut être conservé et réutilisé.",
            "Les réponses d'un modèle de langage peuvent être fausses tout en paraissant "
            "convaincantes. Vérifiez les chiffres, les dates et les références juridiques auprès "
            "d'une source officielle.",
            "Une bonne consigne précise le contexte, le rôle attendu, le public visé et le format "
            "de la réponse. Donner un exemple de ce que l'on attend améliore nettement le "
            "résultat.",
            "Les algorithmes apprennent à partir de données passées et peuvent en reproduire les "
            "biais. Avant d'automatiser une décision qui concerne des usagers, interrogez la "
            "qualité et la représentativité des données.",
            "Le règlement européen sur l'intelligence artificielle classe les usages selon leur "
            "niveau de risque et impose des obligations de transparence aux systèmes qui "
            "interagissent avec le public.",
        ),
    },
    "Numérique responsable": {
        "documents": (
            (
                "p",
                "Sobriété numérique : 15 gestes au bureau",
                "Éteindre plutôt que mettre en veille, alléger les pièces jointes, trier sa "
                "messagerie : des gestes simples et mesurables.",
                "sobriété, gestes, bureau",
            ),
            (
                "p",
                "L'empreinte environnementale du numérique au Département",
                "Bilan des équipements, des centres de données et des usages, et plan d'action "
                "pour les trois prochaines années.",
                "empreinte carbone, bilan, plan d'action",
            ),
            (
                "a",
                "Allonger la durée de vie de son ordinateur",
                "Fabriquer un ordinateur pèse plus que l'utiliser : entretien, réparation et "
                "reconditionnement.",
                "réemploi, réparation, matériel",
            ),
            (
                "v",
                "Le cycle de vie d'un smartphone en images",
                "De l'extraction des métaux au recyclage, le parcours d'un téléphone en quatre "
                "minutes.",
                "smartphone, recyclage, vidéo",
            ),
            (
                "p",
                "Écoconception des services numériques : le référentiel",
                "Les principes du référentiel général d'écoconception appliqués aux sites et "
                "applications du Département.",
                "écoconception, référentiel, sites",
            ),
            (
                "a",
                "Visioconférence : couper la caméra, un geste qui compte",
                "Ce que change vraiment la vidéo en réunion à distance, chiffres à l'appui.",
                "visioconférence, vidéo, énergie",
            ),
            (
                "l",
                "Mission interministérielle numérique responsable",
                "Les ressources de l'État pour un numérique plus sobre et plus inclusif.",
                "État, ressources, numérique responsable",
            ),
            (
                "p",
                "Réemploi des équipements : le circuit du Département",
                "Que deviennent les ordinateurs et écrans remplacés : dons aux associations, "
                "collèges et recyclage.",
                "réemploi, dons, DEEE",
            ),
        ),
        "paragraphs": (
            "La fabrication des équipements représente l'essentiel de l'empreinte "
            "environnementale du numérique. Garder son ordinateur et son téléphone plus longtemps "
            "est le geste le plus efficace.",
            "Chaque courriel stocké consomme de l'énergie dans un centre de données. Videz "
            "régulièrement la corbeille, désabonnez-vous des lettres d'information que vous ne "
            "lisez plus et partagez un lien plutôt qu'une pièce jointe volumineuse.",
            "Éteindre son écran et son poste le soir et le week-end évite une consommation "
            "inutile. "
            "La mise en veille prolongée reste préférable au simple verrouillage.",
            "En visioconférence, couper la caméra lorsqu'elle n'est pas utile divise la quantité "
            "de "
            "données échangées. La qualité de la discussion n'en souffre pas.",
            "L'écoconception consiste à concevoir des services numériques qui répondent au besoin "
            "avec le moins de ressources possible : pages légères, fonctionnalités utiles, "
            "compatibilité avec les équipements anciens.",
            "Les équipements remplacés par le Département sont reconditionnés et donnés à des "
            "associations ou à des collèges lorsqu'ils fonctionnent encore ; les autres suivent "
            "la filière de recyclage des déchets électroniques.",
            "La sobriété numérique ne signifie pas renoncer au numérique mais choisir des usages "
            "utiles et durables, au service des usagers et des agents.",
        ),
    },
    "Accessibilité": {
        "documents": (
            (
                "p",
                "Rédiger des documents accessibles : le guide pratique",
                "Titres structurés, contrastes, textes alternatifs : rendre un document lisible "
                "par "
                "tous, y compris avec un lecteur d'écran.",
                "documents, lecteur d'écran, contrastes",
            ),
            (
                "p",
                "Le RGAA expliqué aux agents",
                "Le référentiel général d'amélioration de l'accessibilité en clair : obligations, "
                "critères et déclaration.",
                "RGAA, obligations, web",
            ),
            (
                "a",
                "Le FALC : écrire facile à lire et à comprendre",
                "Phrases courtes, mots simples, une idée par phrase : les règles du FALC et quand "
                "les appliquer.",
                "FALC, écriture, lisibilité",
            ),
            (
                "v",
                "Naviguer avec un lecteur d'écran : démonstration",
                "Une agente non voyante montre comment elle utilise les outils du quotidien.",
                "lecteur d'écran, démonstration, vidéo",
            ),
            (
                "p",
                "Organiser une réunion accessible à tous",
                "Salle, supports, sous-titrage, pauses : la liste de contrôle avant une réunion ou "
                "un événement.",
                "réunion, événement, sous-titres",
            ),
            (
                "a",
                "Sous-titrer ses vidéos simplement",
                "Les outils disponibles pour ajouter des sous-titres et une transcription à une "
                "vidéo publiée.",
                "sous-titres, vidéo, transcription",
            ),
            (
                "l",
                "Handicap et emploi : la mission handicap du Département",
                "Aménagements de poste, accompagnement et contacts de la mission handicap.",
                "handicap, aménagement, emploi",
            ),
            (
                "p",
                "Contrastes et couleurs : vérifier ses supports",
                "Pourquoi la couleur ne doit jamais porter seule une information, et comment "
                "mesurer un contraste.",
                "contraste, couleurs, supports",
            ),
        ),
        "paragraphs": (
            "Un document accessible se lit avec un lecteur d'écran, s'agrandit sans perdre sa "
            "mise en page et reste compréhensible sans les couleurs. Utilisez les styles de titre "
            "plutôt que du texte simplement mis en gras.",
            "Chaque image qui porte une information a besoin d'un texte alternatif qui la décrit. "
            "Une image purement décorative doit au contraire être ignorée par les aides "
            "techniques.",
            "Le RGAA, référentiel général d'amélioration de l'accessibilité, fixe les critères "
            "que doivent respecter les sites et applications publics. Chaque service publie une "
            "déclaration d'accessibilité.",
            "Le facile à lire et à comprendre, ou FALC, s'adresse notamment aux personnes ayant "
            "un handicap intellectuel. Une idée par phrase, des mots courants et des "
            "illustrations qui aident à comprendre.",
            "Un contraste suffisant entre le texte et le fond est indispensable : au moins 4,5 "
            "pour 1 pour le texte courant. La couleur ne doit jamais être le seul moyen de "
            "transmettre une information.",
            "Sous-titrer une vidéo la rend accessible aux personnes sourdes ou malentendantes, "
            "mais aussi à tous ceux qui la regardent sans le son.",
            "Avant une réunion, demandez aux participants leurs besoins : interprète en langue "
            "des signes, boucle magnétique, documents envoyés à l'avance, salle de plain-pied.",
        ),
    },
    "Outils collaboratifs": {
        "documents": (
            (
                "p",
                "Bien démarrer avec l'espace de travail partagé",
                "Créer une équipe, partager un dossier, coéditer un document : la prise en main en "
                "vingt minutes.",
                "espace partagé, équipe, coédition",
            ),
            (
                "p",
                "Réussir ses réunions en visioconférence",
                "Préparer l'ordre du jour, partager son écran, donner la parole : les bonnes "
                "pratiques de la réunion à distance.",
                "visioconférence, réunion, animation",
            ),
            (
                "a",
                "Coéditer un document sans se marcher dessus",
                "Commentaires, suggestions, historique des versions : travailler à plusieurs sur "
                "le même fichier.",
                "coédition, versions, commentaires",
            ),
            (
                "v",
                "Tutoriel : planifier une réunion en trois clics",
                "Une démonstration pas à pas de l'agenda partagé et des invitations.",
                "agenda, invitation, vidéo",
            ),
            (
                "p",
                "Messagerie instantanée : règles de bon usage",
                "Canaux d'équipe, mentions, droit à la déconnexion : une charte pour une "
                "messagerie instantanée sereine.",
                "messagerie instantanée, charte, déconnexion",
            ),
            (
                "a",
                "Tableau blanc numérique : animer un atelier à distance",
                "Post-it virtuels, votes et modèles pour faire travailler un groupe, même à "
                "distance.",
                "tableau blanc, atelier, intelligence collective",
            ),
            (
                "l",
                "Catalogue des services numériques du Département",
                "Tous les outils à disposition des agents et la manière d'y accéder.",
                "catalogue, services, outils",
            ),
            (
                "p",
                "Partager des fichiers volumineux en toute sécurité",
                "Pourquoi éviter les services de transfert grand public et quelle solution "
                "utiliser.",
                "partage, fichiers, sécurité",
            ),
        ),
        "paragraphs": (
            "L'espace de travail partagé réunit au même endroit les documents, les conversations "
            "et l'agenda d'une équipe. Chacun retrouve la dernière version d'un fichier sans la "
            "chercher dans sa messagerie.",
            "La coédition permet à plusieurs personnes de modifier le même document en même temps. "
            "Les suggestions et les commentaires gardent la trace des propositions et des "
            "décisions.",
            "Une réunion en visioconférence réussie se prépare : ordre du jour envoyé à l'avance, "
            "supports partagés, un animateur qui donne la parole et une personne qui prend des "
            "notes.",
            "La messagerie instantanée convient aux échanges courts et rapides. Pour une décision "
            "importante ou une information à conserver, préférez un courriel ou une page de "
            "l'espace partagé.",
            "Le droit à la déconnexion s'applique aussi aux outils collaboratifs : programmez "
            "l'envoi de vos messages et coupez les notifications en dehors de vos horaires.",
            "Le tableau blanc numérique reproduit l'atelier en salle : chaque participant ajoute "
            "ses idées, les regroupe et vote, que l'équipe soit réunie ou dispersée.",
            "Pour transmettre un fichier volumineux, utilisez le service de partage du Département "
            "plutôt qu'un service de transfert grand public dont on ne maîtrise pas la "
            "conservation des données.",
        ),
    },
    "Innovation managériale": {
        "documents": (
            (
                "p",
                "Manager une équipe hybride : le guide",
                "Rituels d'équipe, objectifs partagés, équité entre présents et distants : les "
                "repères du management hybride.",
                "management, équipe hybride, rituels",
            ),
            (
                "p",
                "Les ateliers d'intelligence collective en pratique",
                "Cinq formats d'atelier testés au Smart Lab pour faire émerger des idées et "
                "décider ensemble.",
                "intelligence collective, atelier, facilitation",
            ),
            (
                "a",
                "Le design de service : partir des besoins des usagers",
                "Observer, prototyper, tester : comment le design de service transforme un "
                "accueil ou un formulaire.",
                "design de service, usagers, prototype",
            ),
            (
                "v",
                "Table ronde : manager autrement dans le service public",
                "Des encadrants racontent leurs expérimentations : autonomie, confiance et droit à "
                "l'erreur.",
                "table ronde, encadrement, vidéo",
            ),
            (
                "p",
                "Conduire le changement lors d'un projet numérique",
                "Associer les agents dès le départ, former, accompagner : la méthode pour qu'un "
                "nouvel outil soit adopté.",
                "conduite du changement, adoption, formation",
            ),
            (
                "a",
                "Le feedback bienveillant en cinq étapes",
                "Un cadre simple pour dire ce qui va et ce qui peut s'améliorer, sans blesser.",
                "feedback, communication, équipe",
            ),
            (
                "l",
                "Le laboratoire d'innovation publique de la région",
                "Les projets, méthodes et appels à participation du laboratoire d'innovation.",
                "laboratoire, innovation publique",
            ),
            (
                "p",
                "Expérimenter en mode projet agile",
                "Itérations courtes, démonstrations régulières et priorisation : adapter l'agilité "
                "aux projets du Département.",
                "agilité, projet, itération",
            ),
        ),
        "paragraphs": (
            "Le management hybride repose sur des rituels clairs : un point d'équipe régulier, "
            "des objectifs partagés et des règles communes sur les temps de présence et de "
            "disponibilité.",
            "Veiller à l'équité entre les agents présents et ceux qui travaillent à distance est "
            "essentiel : les informations importantes circulent par écrit et chacun peut prendre "
            "la parole en réunion.",
            "L'intelligence collective mobilise les savoirs de chacun pour résoudre un problème. "
            "Un animateur neutre, un objectif précis et des règles de parole rendent l'atelier "
            "productif.",
            "Le design de service part de l'expérience réelle des usagers : on observe, on "
            "interroge, puis on prototype une solution que l'on teste avant de la généraliser.",
            "Un projet numérique réussi associe les futurs utilisateurs dès le départ. La "
            "formation et l'accompagnement pèsent autant que la qualité de l'outil.",
            "Le droit à l'erreur encourage l'initiative : une expérimentation qui échoue apprend "
            "quelque chose, à condition d'en tirer les enseignements et de les partager.",
            "L'agilité découpe un projet en itérations courtes, chacune livrant quelque chose "
            "d'utilisable que les usagers peuvent commenter.",
        ),
    },
    "Données et RGPD": {
        "documents": (
            (
                "p",
                "Le RGPD au quotidien : fiche réflexe des agents",
                "Collecter le strict nécessaire, informer les personnes, sécuriser et supprimer à "
                "temps : les principes de la protection des données.",
                "RGPD, fiche réflexe",
            ),
            (
                "p",
                "Données personnelles : durées de conservation",
                "Combien de temps garder un dossier, un courriel ou un formulaire, et comment les "
                "supprimer ensuite.",
                "conservation, archivage, suppression",
            ),
            (
                "a",
                "Violation de données : les bons réflexes",
                "Un courriel envoyé au mauvais destinataire, un ordinateur perdu : qui prévenir et "
                "dans quels délais.",
                "violation, délégué à la protection des données, incident",
            ),
            (
                "v",
                "Les droits des usagers sur leurs données",
                "Accès, rectification, effacement : une vidéo pour répondre à une demande "
                "d'usager.",
                "droits, usagers, vidéo",
            ),
            (
                "p",
                "Ouvrir les données publiques du Département",
                "Le programme d'open data : quelles données, quels formats, quelle anonymisation.",
                "open data, données ouvertes, anonymisation",
            ),
            (
                "a",
                "Tableur et fichiers partagés : limiter les données sensibles",
                "Pourquoi un tableur partagé n'est pas une base de données, et les précautions à "
                "prendre.",
                "tableur, données sensibles, partage",
            ),
            (
                "l",
                "CNIL : les ressources pour les collectivités",
                "Guides, modèles et outils de la CNIL à l'usage des collectivités territoriales.",
                "CNIL, collectivités, guides",
            ),
        ),
        "paragraphs": (
            "Le règlement général sur la protection des données encadre toute collecte de données "
            "personnelles. On ne collecte que ce qui est nécessaire, pour un objectif précis, et "
            "on en informe les personnes concernées.",
            "Chaque traitement de données personnelles a une durée de conservation. Au-delà, les "
            "données sont supprimées ou archivées selon les règles des archives "
            "départementales.",
            "Une violation de données, comme un courriel envoyé au mauvais destinataire ou un "
            "ordinateur perdu, doit être signalée sans délai au délégué à la protection des "
            "données : la CNIL doit parfois être prévenue sous 72 heures.",
            "Les usagers peuvent demander à accéder à leurs données, à les faire rectifier ou "
            "effacer. Toute demande est transmise au délégué à la protection des données, qui "
            "coordonne la réponse.",
            "Les données ouvertes sont publiées dans des formats réutilisables, après "
            "anonymisation. Elles permettent aux citoyens, aux chercheurs et aux entreprises de "
            "créer de nouveaux services.",
            "Un tableur partagé contenant des informations sur des usagers doit être protégé : "
            "accès limité aux seules personnes qui en ont besoin, pas de copie sur une clé USB.",
        ),
    },
    "Travail hybride": {
        "documents": (
            (
                "p",
                "Télétravail : le guide de l'agent",
                "Conditions, équipement, horaires et droit à la déconnexion : tout ce qu'il faut "
                "savoir avant de télétravailler.",
                "télétravail, guide, déconnexion",
            ),
            (
                "p",
                "Aménager son poste de travail à domicile",
                "Écran à hauteur des yeux, chaise, lumière : les conseils d'ergonomie pour "
                "travailler chez soi sans douleur.",
                "ergonomie, domicile, santé",
            ),
            (
                "a",
                "Les tiers-lieux du Département ouverts aux agents",
                "Travailler près de chez soi dans un Smart Corner ou un site partenaire : carte et "
                "réservation.",
                "tiers-lieu, Smart Corner, réservation",
            ),
            (
                "v",
                "Smart Tour : le numérique vient à vous",
                "Le kiosque mobile du Smart Corner part à la rencontre des agents des sites "
                "éloignés.",
                "Smart Tour, sites distants, vidéo",
            ),
            (
                "p",
                "Garder le lien avec son équipe à distance",
                "Rituels, cafés virtuels et outils pour éviter l'isolement en travail hybride.",
                "lien social, isolement, équipe",
            ),
            (
                "l",
                "Réserver un espace au Smart Corner",
                "L'outil de réservation des salles et postes du Smart Corner.",
                "réservation, espace, Smart Corner",
            ),
        ),
        "paragraphs": (
            "Le télétravail s'organise avec son encadrant : jours fixes ou flottants, plages de "
            "disponibilité et modalités de contact sont précisés dans la convention.",
            "Un poste de travail bien réglé évite les douleurs : le haut de l'écran à hauteur "
            "des yeux, les avant-bras posés, une lumière naturelle de côté plutôt qu'en face.",
            "Les tiers-lieux et les Smart Corners accueillent les agents qui souhaitent "
            "travailler près de chez eux, dans un cadre équipé et convivial.",
            "En travail hybride, les rituels d'équipe maintiennent le lien : un point "
            "hebdomadaire, un café virtuel, des journées de présence communes.",
            "Le droit à la déconnexion protège la vie personnelle : pas de réponse attendue en "
            "dehors des horaires de travail, des notifications coupées le soir.",
            "Le Smart Tour, kiosque mobile du Smart Corner, se déplace dans les sites éloignés "
            "pour présenter les outils numériques et accompagner les agents.",
        ),
    },
}

HEADINGS: Final = (
    "Pourquoi c'est important",
    "Les points clés",
    "En pratique",
    "Ce qu'il faut retenir",
    "Pour aller plus loin",
    "Questions fréquentes",
    "Exemples concrets",
    "À qui s'adresser",
)
