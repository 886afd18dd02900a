<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/app/screens/admin.py" line="+192"/>
        <source>Smart Store, retrait Click &amp; Collect et aide</source>
        <translation>Smart Store, Click &amp; Collect pickup and help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smart Room, kiosque numérique et événements</source>
        <translation>Smart Room, digital kiosk and events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smart Tour, kiosque itinérant</source>
        <translation>Smart Tour, mobile kiosk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Informations sur ce kiosque</source>
        <translation>About this kiosk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom du kiosque</source>
        <translation>Kiosk name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base de données</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier de données</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voix</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matériel</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simuler un badge</source>
        <translation>Simulate a badge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parc des bornes</source>
        <translation>Kiosk fleet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annonces</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quitter le kiosque</source>
        <translation>Quit the kiosk</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Statistiques</source>
        <translation>Statistics</translation>
    </message>
</context>
<context>
    <name>AgendaScreen</name>
    <message>
        <location filename="../../ui/events/agenda.py" line="+344"/>
        <source>{n} événements à venir.</source>
        <translation>{n} upcoming events.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 événement à venir.</source>
        <translation>1 upcoming event.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flèches pour passer d’un événement à l’autre, Entrée pour l’ouvrir.</source>
        <translation>Arrows to go from one event to the next, Enter to open it.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chargement du programme…</source>
        <translation>Loading the programme…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le programme n’est pas disponible pour le moment.</source>
        <translation>The programme is not available right now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun événement prévu pour le moment.</source>
        <translation>No events scheduled at the moment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Programme des événements</source>
        <translation>Events programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Masterclass, ateliers, tables rondes et cafés numériques à venir</source>
        <translation>Upcoming masterclasses, workshops, round tables and digital cafés</translation>
    </message>
</context>
<context>
    <name>AnnouncementsScreen</name>
    <message>
        <location filename="../../ui/notices/editor.py" line="+209"/>
        <source>Les annonces ne sont pas disponibles&#x202f;: {why}</source>
        <translation>Announcements are not available: {why}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tapez d’abord le texte de l’annonce.</source>
        <translation>Type the announcement first.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Annonce publiée jusqu’au {day}.</source>
        <translation>Announcement published until {day}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annonce refusée&#x202f;: {why}</source>
        <translation>Announcement refused: {why}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Annonce retirée.</source>
        <translation>Announcement withdrawn.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>toutes les bornes</source>
        <translation>every kiosk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cette borne</source>
        <translation>this kiosk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>«&#x202f;{text}&#x202f;»</source>
        <translation>“{text}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>jusqu’au {day}</source>
        <translation>until {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annonces en cours</source>
        <translation>Announcements in force</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aucune annonce en cours.</source>
        <translation>No announcement in force.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Annonces</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un bandeau en haut de l’écran d’accueil des bornes</source>
        <translation>A banner at the top of the kiosks’ welcome screens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Par exemple&#x202f;: Le Smart Corner sera fermé le 24/12</source>
        <translation>For example: The Smart Corner will be closed on 24/12</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3 jours</source>
        <translation>3 days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 semaine</source>
        <translation>1 week</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cette borne</source>
        <translation>This kiosk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toutes les bornes</source>
        <translation>Every kiosk</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Retirer</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publier</source>
        <translation>Publish</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/app/screens/attract.py" line="+157"/>
        <source>Ou appuyez sur Entrée.</source>
        <translation>Or press Enter.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Touchez l’écran pour commencer</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ou passez votre badge</source>
        <translation>or tap your badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prochains événements</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_column.py" line="+86"/>
        <source>Le programme n’est pas disponible pour le moment.</source>
        <translation>The programme is not available right now.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun événement prévu pour le moment.</source>
        <translation>No events scheduled at the moment.</translation>
    </message>
</context>
<context>
    <name>BadgeSimulatorScreen</name>
    <message>
        <location filename="../../ui/devices/badge_simulator.py" line="+158"/>
        <source>Recherche…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Aucun agent ne s’appelle ainsi.</source>
        <translation>No staff member has that name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun agent dans la base&#x202f;: lancez «&#x202f;smartcorner demo&#x202f;».</source>
        <translation>No staff in the database: run “smartcorner demo”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La liste des agents n’a pas pu être chargée.</source>
        <translation>The staff list could not be loaded.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Simuler un badge</source>
        <translation>Simulate a badge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choisissez un agent&#x202f;: le kiosque revient à l’écran d’avant et lit son badge.</source>
        <translation>Pick a staff member: the kiosk goes back to the previous screen and reads their badge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nom ou prénom de l’agent</source>
        <translation>Staff member’s last or first name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge inconnu</source>
        <translation>Unknown badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carte à UID aléatoire</source>
        <translation>Random-UID card</translation>
    </message>
</context>
<context>
    <name>BottomBar</name>
    <message>
        <location filename="../../ui/widgets/bottom_bar.py" line="+108"/>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accessibilité</source>
        <translation>Accessibility</translation>
    </message>
</context>
<context>
    <name>BrowsePage</name>
    <message>
        <location filename="../../ui/documents/browse.py" line="+180"/>
        <source>Kiosque numérique</source>
        <translation>Digital library</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guides, articles et vidéos à lire ici ou à emporter sur votre téléphone</source>
        <translation>Guides, articles and videos to read here or take away on your phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rechercher un document, un sujet, un mot…</source>
        <translation>Search for a document, a topic, a word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thèmes</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouveautés</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le kiosque numérique est indisponible pour le moment&#x202f;: réessayez dans quelques minutes, ou demandez à l’accueil du Smart Corner.</source>
        <translation>The digital library is unavailable right now: try again in a few minutes, or ask at the Smart Corner desk.</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <location filename="../../ui/events/capability.py" line="+47"/>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le programme du Smart Corner</source>
        <translation>What&apos;s on at the Smart Corner</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/capability.py" line="+77"/>
        <source>Accueil événement</source>
        <translation>Event check-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Équipe&#x202f;: enregistrer les arrivées</source>
        <translation>Staff: check people in</translation>
    </message>
    <message>
        <location filename="../../ui/help/capability.py" line="+70"/>
        <source>Besoin d’aide&#x202f;?</source>
        <translation>Need help?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un technicien vous reçoit&#x202f;: prenez un numéro</source>
        <translation>A technician will see you: take a number</translation>
    </message>
    <message>
        <location filename="../../ui/collect/capability.py" line="+174"/>
        <source>Retrait Click &amp; Collect</source>
        <translation>Click &amp; Collect pickup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirez le matériel que vous avez commandé</source>
        <translation>Collect the equipment you ordered</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Catalogue de services</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voyez ce que vous pouvez demander</source>
        <translation>See what you may request</translation>
    </message>
    <message>
        <location filename="../../ui/documents/capability.py" line="+32"/>
        <source>Kiosque numérique</source>
        <translation>Digital library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guides et articles à lire ou à emporter</source>
        <translation>Guides and articles to read or take away</translation>
    </message>
    <message>
        <location filename="../../ui/myspace/capability.py" line="+113"/>
        <source>Mon espace</source>
        <translation>My space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vos inscriptions et vos commandes, avec votre badge</source>
        <translation>Your registrations and orders, with your badge</translation>
    </message>
    <message>
        <location filename="../../ui/projects/capability.py" line="+28"/>
        <source>Projets numériques</source>
        <translation>Digital projects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les projets du Département</source>
        <translation>The council’s projects</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../ui/collect/catalogue.py" line="+184"/>
        <source>Badge inconnu&#x202f;: demandez à l’équipe de l’associer à votre nom.</source>
        <translation>Unknown badge: ask the team to link it to your name.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Le catalogue n’est pas disponible pour le moment.</source>
        <translation>The catalogue is not available at the moment.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Catalogue de services</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bonjour {name}&#x202f;: voici ce que vous pouvez demander.</source>
        <translation>Hello {name}: here is what you may request.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passez votre badge pour savoir ce que vous pouvez demander.</source>
        <translation>Tap your badge to see what you may request.</translation>
    </message>
    <message>
        <location filename="../../ui/collect/catalogue_pages.py" line="+285"/>
        <source>Votre reçu s’imprime&#x202f;; suivez la demande dans «&#x202f;Mon espace&#x202f;».</source>
        <translation>Your slip is printing; follow the request in “My space”.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Elle sera envoyée au prochain passage du Smart Tour, où elle sera étudiée&#x202f;: rien n’est accordé d’ici là. Votre reçu s’imprime&#x202f;; suivez-la dans «&#x202f;Mon espace&#x202f;».</source>
        <translation>It will be sent when the Smart Tour next meets the central base, where it will be considered: nothing is granted until then. Your slip is printing; follow it in “My space”.</translation>
    </message>
    <message>
        <location filename="../../ui/collect/catalogue.py" line="+64"/>
        <source>Demande impossible&#x202f;: {why}</source>
        <translation>Request not possible: {why}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La demande n’a pas pu être enregistrée&#x202f;: réessayez.</source>
        <translation>The request could not be saved: try again.</translation>
    </message>
    <message>
        <location filename="../../ui/collect/catalogue_pages.py" line="-186"/>
        <source>Demander</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Une précision&#x202f;? (facultatif)</source>
        <translation>Anything to add? (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Envoyer la demande</source>
        <translation>Send the request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Envoyer</source>
        <translation>Send</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Demande enregistrée</source>
        <translation>Request recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demande envoyée</source>
        <translation>Request sent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} × {item} — demande n° {ref}. L’équipe va l’étudier.</source>
        <translation>{n} × {item} — request no. {ref}. The team will review it.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/collect/catalogue_words.py" line="+18"/>
        <source>Postes et écrans</source>
        <translation>Computers and screens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobilité</source>
        <translation>Mobility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessoires</source>
        <translation>Accessories</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logiciels et accès</source>
        <translation>Software and access</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accompagnement</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retrait au Smart Store</source>
        <translation>Collect at the Smart Store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installé à votre bureau</source>
        <translation>Installed at your desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accès ouvert sur votre compte</source>
        <translation>Access opened on your account</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stock au dernier passage&#x202f;: {n}</source>
        <translation>Stock at the last visit: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plus en stock ici</source>
        <translation>Out of stock here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En stock ici&#x202f;: {n}</source>
        <translation>In stock here: {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>par an</source>
        <translation>a year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tous les {n} ans</source>
        <translation>every {n} years</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tous les {n} jours</source>
        <translation>every {n} days</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>aux agents</source>
        <translation>agents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aux ambassadeurs</source>
        <translation>ambassadors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aux administrateurs</source>
        <translation>administrators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>à l’équipe du Smart Corner</source>
        <translation>the Smart Corner team</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{first} et {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{limit} par agent {period}&#x202f;: prochain possible le {day}</source>
        <translation>{limit} per agent {period}: next possible on {day}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vous avez déjà reçu le maximum ({limit})</source>
        <translation>You have already received the maximum ({limit})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Déjà demandé le {day}</source>
        <translation>Already requested on {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Réservé {who}</source>
        <translation>Only for {who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Votre compte n’est pas actif</source>
        <translation>Your account is not active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N’est plus proposé</source>
        <translation>No longer offered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réservé à d’autres directions</source>
        <translation>Reserved for other directorates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déjà demandé</source>
        <translation>Already requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plus en stock ici pour le moment</source>
        <translation>Out of stock here for now</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vous pouvez le demander</source>
        <translation>You may request it</translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <location filename="../../ui/widgets/buttons.py" line="+115"/>
        <source>Effacer la saisie</source>
        <translation>Clear the text</translation>
    </message>
</context>
<context>
    <name>Collect</name>
    <message>
        <location filename="../../ui/collect/texts.py" line="+26"/>
        <source>{day} à {time}</source>
        <translation>{day} at {time}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Prêt — à retirer avant le {day}</source>
        <translation>Ready — collect before {day}</translation>
    </message>
    <message>
        <location filename="../../ui/collect/staff_parts.py" line="+81"/>
        <location filename="../../ui/collect/texts.py" line="+3"/>
        <source>Prêt à retirer</source>
        <translation>Ready to collect</translation>
    </message>
    <message>
        <location filename="../../ui/collect/texts.py" line="+3"/>
        <source>En préparation</source>
        <translation>Being prepared</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validé, en attente de préparation</source>
        <translation>Approved, waiting to be prepared</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commandé, en attente de validation</source>
        <translation>Ordered, waiting for approval</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} — prévu le {day}</source>
        <translation>{label} — expected {day}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retiré le {when} — {kiosk}</source>
        <translation>Collected {when} — {kiosk}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retiré le {when}</source>
        <translation>Collected {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annulé le {day}</source>
        <translation>Cancelled {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demande refusée le {day}</source>
        <translation>Request declined on {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Non retiré à temps — expiré le {day}</source>
        <translation>Not collected in time — expired {day}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{units} sur {ordered} (le reste n’est pas disponible)</source>
        <translation>{units} of {ordered} (the rest is not available)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantité&#x202f;: {n}</source>
        <translation>Quantity: {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>N° d’inventaire {tag}</source>
        <translation>Asset tag {tag}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N° de série {serial}</source>
        <translation>Serial number {serial}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Badge inconnu</source>
        <translation>Unknown badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce badge n’est relié à aucun agent. Adressez-vous au Smart Store.</source>
        <translation>This badge is not linked to anyone. Please ask at the Smart Store.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retrait impossible</source>
        <translation>Pickup not possible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votre compte n’est pas actif. Adressez-vous au Smart Store.</source>
        <translation>Your account is not active. Please ask at the Smart Store.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commande introuvable</source>
        <translation>Order not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cette commande n’est pas connue de cette borne. Adressez-vous au Smart Store.</source>
        <translation>This kiosk does not know this order. Please ask at the Smart Store.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ce n’est pas votre commande</source>
        <translation>This is not your order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce badge ou ce code est celui d’une autre personne. Terminez d’abord ce retrait.</source>
        <translation>This badge or code belongs to someone else. Finish this pickup first.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code expiré</source>
        <translation>Expired code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce code de commande n’est plus valable. Passez votre badge à la place.</source>
        <translation>This order code is no longer valid. Tap your badge instead.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code non reconnu</source>
        <translation>Code not recognised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce code ne peut pas être lu comme une commande. Passez votre badge à la place.</source>
        <translation>This code cannot be read as an order. Tap your badge instead.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Au plus {limit} par agent avec vos autres articles&#x202f;: décochez-en un</source>
        <translation>At most {limit} per person with your other items: untick one</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vous avez déjà reçu le maximum ({limit})&#x202f;: possible à partir du {day}</source>
        <translation>You have already received the maximum ({limit}): possible again from {day}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vous avez déjà reçu le maximum autorisé ({limit})</source>
        <translation>You have already received the maximum allowed ({limit})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Votre compte n’est pas actif</source>
        <translation>Your account is not active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cet article n’est plus distribué</source>
        <translation>This item is no longer handed out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votre fonction ne donne plus droit à cet article</source>
        <translation>Your role no longer entitles you to this item</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votre direction ne donne plus droit à cet article</source>
        <translation>Your directorate no longer entitles you to this item</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Déjà demandé le {day}</source>
        <translation>Already requested on {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plus en stock sur ce site</source>
        <translation>Out of stock at this site</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pas cette fois&#x202f;: au plus {limit} par agent, vos autres articles comptent</source>
        <translation>Not this time: at most {limit} per person, your other items count</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ne peut pas vous être remis&#x202f;: {why}</source>
        <translation>Cannot be handed to you: {why}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Déjà retiré le {when} — {kiosk}</source>
        <translation>Already collected {when} — {kiosk}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Déjà retiré à une autre borne, à l’instant</source>
        <translation>Just collected at another kiosk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N’est plus prêt à retirer (annulé ou expiré entre-temps)</source>
        <translation>No longer ready (cancelled or expired meanwhile)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun article choisi</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cet article ne fait pas partie de vos commandes</source>
        <translation>This item is not part of your orders</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rien n’est prêt pour vous pour le moment</source>
        <translation>Nothing is ready for you yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 article prêt à retirer</source>
        <translation>1 item ready to collect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} articles prêts à retirer</source>
        <translation>{n} items ready to collect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 ne peut pas vous être remis</source>
        <translation>1 cannot be handed to you</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} ne peuvent pas vous être remis</source>
        <translation>{n} cannot be handed to you</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 autre en cours de traitement</source>
        <translation>1 more in progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} autres en cours de traitement</source>
        <translation>{n} more in progress</translation>
    </message>
    <message>
        <location filename="../../ui/collect/staff.py" line="+195"/>
        <source>Aucun retrait ne correspond à ce reçu&#x202f;: il n’est pas authentique.</source>
        <translation>No pickup matches this receipt: it is not genuine.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reçu authentique&#x202f;: {agent}, {n} article(s), le {when} — {kiosk}</source>
        <translation>Genuine receipt: {agent}, {n} item(s), {when} — {kiosk}</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>Saisissez ou scannez le n° d’inventaire ou le n° de série.</source>
        <translation>Type or scan the asset tag or the serial number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cette ligne a changé entre-temps&#x202f;: la liste est à jour.</source>
        <translation>This line changed meanwhile: the list is up to date.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cette ligne n’existe plus.</source>
        <translation>This line no longer exists.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité impossible.</source>
        <translation>Impossible quantity.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/collect/stock_page.py" line="+113"/>
        <source>Un problème technique empêche l’enregistrement.</source>
        <translation>A technical problem prevents saving.</translation>
    </message>
    <message>
        <location line="-329"/>
        <source>Espace équipe Click &amp; Collect</source>
        <translation>Click &amp; Collect staff area</translation>
    </message>
    <message>
        <location filename="../../ui/collect/pickup_words.py" line="+137"/>
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/collect/staff.py" line="+4"/>
        <source>Passez votre badge d’équipe, ou saisissez le code équipe.</source>
        <translation>Tap your team badge, or type the team code.</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Ce badge n’ouvre pas l’espace équipe</source>
        <translation>This badge does not open the team area</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Tab pour passer d’une ligne à l’autre, Entrée pour la traiter.</source>
        <translation>Tab to go from one line to the next, Enter to act on it.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Écrivez le motif&#x202f;: l’agent le lira.</source>
        <translation>Write the reason: the agent will read it.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Commandes à préparer — {name}</source>
        <translation>Orders to prepare — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commandes à préparer</source>
        <translation>Orders to prepare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune ligne à préparer</source>
        <translation>No line to prepare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 ligne à traiter</source>
        <translation>1 line to handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} lignes à traiter, les plus anciennes d’abord</source>
        <translation>{n} lines to handle, oldest first</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verrouiller</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/collect/stock_page.py" line="+8"/>
        <source>Stock du site</source>
        <translation>Site stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° d’inventaire</source>
        <translation>Asset tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° de série</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/collect/staff_parts.py" line="+90"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/collect/staff_parts.py" line="-86"/>
        <source>Marquer préparé</source>
        <translation>Mark prepared</translation>
    </message>
    <message>
        <location filename="../../ui/collect/staff_parts.py" line="-38"/>
        <source>{agent} · commande {ref}, ligne {n}</source>
        <translation>{agent} · order {ref}, line {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Préparé — à mettre à disposition</source>
        <translation>Prepared — to make available</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>À préparer</source>
        <translation>To prepare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>n° d’inventaire ou de série requis</source>
        <translation>asset tag or serial number required</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demande faite à la borne — à valider ou refuser</source>
        <translation>Requested at the kiosk — approve or decline</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Valider</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refuser</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ligne {n} sur {count}</source>
        <translation>Line {n} of {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrée&#x202f;: {action}</source>
        <translation>Enter: {action}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Refuser {n} × {item} pour {agent}</source>
        <translation>Decline {n} × {item} for {agent}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Motif lu par l’agent</source>
        <translation>Reason the agent will read</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuser la demande</source>
        <translation>Decline the request</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/collect/pickup_words.py" line="-72"/>
        <source>Rien n’a été remis</source>
        <translation>Nothing was handed over</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Un problème technique nous empêche de continuer</source>
        <translation>A technical problem stops us from going on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réessayez dans un instant ou adressez-vous au Smart Store.</source>
        <translation>Try again in a moment or ask at the Smart Store.</translation>
    </message>
    <message>
        <location filename="../../ui/collect/pickup.py" line="+186"/>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Votre reçu s’imprime…</source>
        <translation>Your receipt is printing…</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Flèches pour passer d’un article à l’autre, Entrée pour le cocher ou le décocher, puis «&#x202f;{take}&#x202f;».</source>
        <translation>Arrows to go from one item to the next, Enter to tick or untick it, then “{take}”.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{n} lignes à recevoir.</source>
        <translation>{n} lines to receive.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 ligne à recevoir.</source>
        <translation>1 line to receive.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sans signature, allez sur «&#x202f;{confirm}&#x202f;» et appuyez sur Entrée.</source>
        <translation>Without a signature, go to “{confirm}” and press Enter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>C’est noté&#x202f;!</source>
        <translation>All done!</translation>
    </message>
    <message>
        <location filename="../../ui/collect/pickup_words.py" line="+55"/>
        <source>Reçu imprimé. Bonne journée&#x202f;!</source>
        <translation>Receipt printed. Have a nice day!</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L’imprimante ne répond pas. Votre retrait est bien enregistré&#x202f;; le reçu sera imprimé dès que possible.</source>
        <translation>The printer does not answer. Your pickup is recorded; the receipt will print as soon as possible.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Retrait Click &amp; Collect</source>
        <translation>Click &amp; Collect pickup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passez votre badge sur le lecteur, ou présentez le QR code reçu avec le message «&#x202f;Votre commande est prête&#x202f;».</source>
        <translation>Tap your badge on the reader, or show the QR code that came with the “Your order is ready” message.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Espace équipe</source>
        <translation>Staff area</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recherche de vos commandes…</source>
        <translation>Looking for your orders…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 article vous a été remis.</source>
        <translation>1 item handed over to you.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} articles vous ont été remis.</source>
        <translation>{n} items handed over to you.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C’est noté, {name}&#x202f;!</source>
        <translation>All done, {name}!</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <location line="+17"/>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoir mes articles</source>
        <translation>See my items again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenir à mes articles</source>
        <translation>Back to my items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compris</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>J’ai bien reçu</source>
        <translation>I have received it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signez ici avec le doigt (facultatif)</source>
        <translation>Sign here with your finger (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérifiez ce que vous recevez</source>
        <translation>Check what you receive</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retirer 1 article</source>
        <translation>Collect 1 item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer {n} articles</source>
        <translation>Collect {n} items</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bonjour {name}</source>
        <translation>Hello {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passez votre badge pour voir toutes vos commandes.</source>
        <translation>Tap your badge to see all your orders.</translation>
    </message>
    <message>
        <location filename="../../ui/collect/stock_page.py" line="+1"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>DescribePage</name>
    <message>
        <location filename="../../ui/help/pages.py" line="+364"/>
        <source>Tapez au clavier, ou passez cette étape pour prendre votre ticket.</source>
        <translation>Type on the keyboard, or skip this step to take your ticket.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Décrivez votre problème (facultatif)</source>
        <translation>Describe your problem (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Par exemple&#x202f;: Outlook ne s’ouvre plus</source>
        <translation>For example: Outlook won&apos;t open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passer cette étape</source>
        <translation>Skip this step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prendre mon ticket</source>
        <translation>Get my ticket</translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <location filename="../../ui/documents/document_reader.py" line="+404"/>
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cette vidéo se regarde sur votre téléphone&#x202f;: scannez le QR code ci-contre.</source>
        <translation>Watch this video on your phone: scan the QR code alongside.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ce document est une page web&#x202f;: scannez le QR code ci-contre pour l’ouvrir sur votre téléphone.</source>
        <translation>This document is a web page: scan the QR code alongside to open it on your phone.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ce document ne peut pas être affiché ici. Emportez-le avec le QR code ci-contre.</source>
        <translation>This document cannot be shown here. Take it away with the QR code alongside.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Page précédente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page suivante</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agrandir</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réduire</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ajuster à la largeur</source>
        <translation>Fit to width</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Chercher dans le document</source>
        <translation>Search this document</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ajuster</source>
        <translation>Fit width</translation>
    </message>
</context>
<context>
    <name>DocumentTheme</name>
    <message>
        <location filename="../../ui/documents/document_list.py" line="+96"/>
        <source>Cybersécurité</source>
        <translation>Cybersecurity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intelligence artificielle</source>
        <translation>Artificial intelligence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numérique responsable</source>
        <translation>Responsible digital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibilité</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outils collaboratifs</source>
        <translation>Collaboration tools</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Innovation managériale</source>
        <translation>Management innovation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Données et RGPD</source>
        <translation>Data and GDPR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travail hybride</source>
        <translation>Hybrid work</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location line="-22"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vidéo</source>
        <translation>Video</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 page</source>
        <translation>%1 page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 document</source>
        <translation>%1 document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 documents</source>
        <translation>%1 documents</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 min de lecture</source>
        <translation>%1 min read</translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <location filename="../../ui/documents/screen.py" line="+129"/>
        <source>Ce document n’est pas disponible pour le moment.</source>
        <translation>This document is not available at the moment.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Impression en cours…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>La fiche s’imprime&#x202f;: prenez-la sous l’écran.</source>
        <translation>The summary sheet is printing: take it below the screen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Impossible d’imprimer pour le moment.</source>
        <translation>Printing is not possible at the moment.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fiche imprimée.</source>
        <translation>Summary sheet printed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L’imprimante ne répond pas&#x202f;: la fiche n’est pas sortie.</source>
        <translation>The printer does not answer: the summary sheet did not print.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>Door</name>
    <message>
        <location filename="../../ui/checkin/door.py" line="+247"/>
        <source>Un instant, puis présentez le badge.</source>
        <translation>One moment, then present the badge again.</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/door_board.py" line="+147"/>
        <source>Déjà enregistré·e à {time}</source>
        <translation>Already checked in at {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inscrit·e à «&#x202f;{title}&#x202f;», {place}, {time}</source>
        <translation>Registered for “{title}”, {place}, {time}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Touchez «&#x202f;Associer le badge&#x202f;» pour le relier à un nom.</source>
        <translation>Tap “Link the badge” to link it to a name.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enregistrement impossible</source>
        <translation>Check-in failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problème technique&#x202f;: réessayez.</source>
        <translation>Technical problem: try again.</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/door.py" line="+17"/>
        <source>Ce badge n’ouvre pas le mode accueil.</source>
        <translation>This badge does not open the welcome desk.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>À qui est ce badge&#x202f;?</source>
        <translation>Whose badge is this?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer une arrivée par le nom</source>
        <translation>Check someone in by name</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Arrivée annulée.</source>
        <translation>Arrival undone.</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/door_board.py" line="+6"/>
        <source>Badge non associé</source>
        <translation>Badge not linked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce badge appartient déjà à quelqu’un.</source>
        <translation>This badge already belongs to someone.</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/door.py" line="-13"/>
        <source>Badge associé&#x202f;: </source>
        <translation>Badge linked: </translation>
    </message>
    <message>
        <location filename="../../ui/checkin/door_board.py" line="+4"/>
        <source>Arrivée de {name} annulée.</source>
        <translation>Check-in of {name} undone.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Laissez-passer en impression.</source>
        <translation>Visitor pass printing.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pas de laissez-passer&#x202f;: visiteur non admis.</source>
        <translation>No pass: the visitor was not admitted.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Branchez une clé USB, puis réessayez.</source>
        <translation>Plug in a USB stick, then try again.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Liste d’attente, position {n}&#x202f;: une place est libre</source>
        <translation>Waiting list, number {n}: a place is free</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liste d’attente, position {n}&#x202f;: pas encore son tour</source>
        <translation>Waiting list, number {n}: not their turn yet</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Exporté&#x202f;: {present} présents, {absent} absents ({file}).</source>
        <translation>Exported: {present} present, {absent} absent ({file}).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Arrivée annulée</source>
        <translation>Arrival undone</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changer</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/checkin/door_panels.py" line="+196"/>
        <source>Quitter</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>présents</source>
        <translation>present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inscrits</source>
        <translation>registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>places</source>
        <translation>seats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rechercher un nom</source>
        <translation>Search a name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Associer le badge</source>
        <translation>Link the badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler la dernière arrivée</source>
        <translation>Undo the last check-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laissez-passer visiteur</source>
        <translation>Visitor pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporter sur clé USB</source>
        <translation>Export to USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/door_panels.py" line="-136"/>
        <source>Arrivée enregistrée</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déjà enregistré·e</source>
        <translation>Already checked in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non inscrit·e</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complet</source>
        <translation>Full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hors horaires d’accueil</source>
        <translation>Outside check-in hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inscrit·e ailleurs</source>
        <translation>Registered elsewhere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge inconnu</source>
        <translation>Unknown badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code illisible</source>
        <translation>Unreadable code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billet falsifié</source>
        <translation>Forged ticket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billet expiré</source>
        <translation>Ticket expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billet annulé</source>
        <translation>Ticket cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visite comptée</source>
        <translation>Visit counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liste d’attente</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mode accueil</source>
        <translation>Check-in desk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Réservé à l’équipe&#x202f;: présentez votre badge d’équipe ou d’ambassadeur, ou saisissez le code administrateur.</source>
        <translation>Staff only: tap your staff or ambassador badge, or type the admin code.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>{n} inscrits / {cap} places</source>
        <translation>{n} registered / {cap} seats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} inscrits</source>
        <translation>{n} registered</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Quel événement accueillez-vous&#x202f;?</source>
        <translation>Which event are you welcoming?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun événement cette semaine.</source>
        <translation>No event this week.</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Présentez un badge ou un billet au lecteur.</source>
        <translation>Present a badge or a ticket to the reader.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>{label} (annulée)</source>
        <translation>{label} (undone)</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+25"/>
        <source>Aucun passage pour l’instant.</source>
        <translation>Nobody yet.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Derniers passages</source>
        <translation>Latest scans</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/door_speech.py" line="+30"/>
        <source>1 événement.</source>
        <translation>1 event.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} événements.</source>
        <translation>{n} events.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flèches pour les parcourir, Entrée pour choisir.</source>
        <translation>Arrows to go through them, Enter to choose.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Passez les badges et les billets. Tab pour les derniers passages et les actions.</source>
        <translation>Scan badges and tickets. Tab for the latest scans and the actions.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{present} présents, {registered} inscrits, {capacity} places.</source>
        <translation>{present} present, {registered} registered, {capacity} seats.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{present} présents, {registered} inscrits.</source>
        <translation>{present} present, {registered} registered.</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <location filename="../../ui/formatting.py" line="+126"/>
        <source>Complet</source>
        <translation>Full</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 place restante</source>
        <translation>1 seat left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} places restantes</source>
        <translation>{n} seats left</translation>
    </message>
    <message>
        <location filename="../../ui/events/event_card.py" line="+150"/>
        <source>Auj.</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ouvert aux visiteurs extérieurs</source>
        <translation>Open to external visitors</translation>
    </message>
</context>
<context>
    <name>EventDetailPage</name>
    <message>
        <location filename="../../ui/events/event_detail.py" line="+106"/>
        <source>Ouvert aux agents et aux visiteurs extérieurs</source>
        <translation>Open to staff and outside visitors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Réservé aux agents du Département</source>
        <translation>For Département staff only</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entrée libre, sans limite de places</source>
        <translation>Free entry, no seat limit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complet&#x202f;: passez votre badge pour rejoindre la liste d’attente.</source>
        <translation>Full: tap your badge to join the waiting list.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le jour venu, passez votre badge ou votre billet sur la borne à l’entrée de la salle.</source>
        <translation>On the day, tap your badge or show your ticket on the kiosk at the door of the room.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Complet&#x202f;: demandez à l’accueil s’il reste une place sur liste d’attente.</source>
        <translation>Full: ask at the front desk about the waiting list.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le jour venu, passez votre badge ou votre billet sur la borne à l’entrée de la salle. Inscription sur l’intranet, ou à l’accueil du Smart Corner.</source>
        <translation>On the day, tap your badge or scan your ticket at the kiosk by the room&apos;s door. Register on the intranet or at the Smart Corner front desk.</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <location filename="../../ui/formatting.py" line="-27"/>
        <source>Masterclass</source>
        <translation>Masterclass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table ronde</source>
        <translation>Round table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atelier technologique</source>
        <translation>Tech workshop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Café numérique</source>
        <translation>Digital café</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formation</source>
        <translation>Training</translation>
    </message>
</context>
<context>
    <name>EventListView</name>
    <message>
        <location filename="../../ui/events/agenda.py" line="-233"/>
        <source>Événement {n} sur {count}</source>
        <translation>Event {n} of {count}</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../ui/satisfaction/faces.py" line="+19"/>
        <source>Décevant</source>
        <translation>Poor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moyen</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bien</source>
        <translation>Good</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excellent</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contenu</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervenant</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concret</source>
        <translation>Practical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée</source>
        <translation>Length</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salle</source>
        <translation>Room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Échanges</source>
        <translation>Discussion</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../ui/satisfaction/panel.py" line="+133"/>
        <source>Comment était «&#x202f;{title}&#x202f;»&#x202f;?</source>
        <translation>How was “{title}”?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Touchez un visage. Passez ensuite votre badge pour que votre avis ne compte qu’une fois (facultatif).</source>
        <translation>Tap a face. Then tap your badge so that your answer counts only once (optional).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Touchez un visage&#x202f;: votre avis reste anonyme.</source>
        <translation>Tap a face: your answer stays anonymous.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merci pour votre avis&#x202f;!</source>
        <translation>Thank you for your feedback!</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passez votre badge maintenant pour qu’il ne compte qu’une fois.</source>
        <translation>Tap your badge now so that it counts only once.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Un mot pour dire pourquoi&#x202f;? (facultatif)</source>
        <translation>One word to say why? (optional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>FeedbackPrompt</name>
    <message>
        <location filename="../../ui/satisfaction/prompt.py" line="+111"/>
        <source>Merci&#x202f;! Un avis vient d’être donné ici&#x202f;: il est compté.</source>
        <translation>Thank you! An answer was just given here: it has been counted.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Ce badge n’a pas pu être pris en compte&#x202f;: votre avis reste anonyme.</source>
        <translation>This badge could not be used: your answer stays anonymous.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C’est noté&#x202f;: votre avis compte une fois. Merci&#x202f;!</source>
        <translation>Noted: your answer counts once. Thank you!</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Votre avis précédent est remplacé par celui-ci. Merci&#x202f;!</source>
        <translation>Your earlier answer is replaced by this one. Thank you!</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Merci pour votre réponse&#x202f;!</source>
        <translation>Thank you for your answer!</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <location filename="../../ui/documents/document_reader.py" line="-260"/>
        <source>Page %1&#x202f;: %2</source>
        <translation>Page %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chercher dans ce document</source>
        <translation>Search this document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un mot…</source>
        <translation>A word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer la recherche</source>
        <translation>Close the search</translation>
    </message>
</context>
<context>
    <name>FleetScreen</name>
    <message>
        <location filename="../../ui/fleet/screen.py" line="+171"/>
        <source>Parc des bornes</source>
        <translation>Kiosk fleet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L’état de chaque borne, mis à jour en direct</source>
        <translation>Every kiosk’s state, live</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune borne n’a encore donné signe de vie.</source>
        <translation>No kiosk has been heard from yet.</translation>
    </message>
</context>
<context>
    <name>HardwareScreen</name>
    <message>
        <location filename="../../ui/devices/hardware_screen.py" line="+174"/>
        <source>Prêt</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucun lecteur branché</source>
        <translation>No reader plugged in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lecteur débranché</source>
        <translation>Reader unplugged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service des cartes arrêté (pcscd)</source>
        <translation>Smart-card service stopped (pcscd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En erreur, nouvel essai en cours</source>
        <translation>Error, retrying</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrêté</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucun badge lu depuis le démarrage</source>
        <translation>No badge read since start-up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dernière carte refusée&#x202f;: {time}</source>
        <translation>Last card refused: {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dernier badge lu&#x202f;: {time}</source>
        <translation>Last badge read: {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lecteur simulé (démonstration)&#x202f;: menu «&#x202f;Simuler un badge&#x202f;»</source>
        <translation>Simulated reader (demo): “Simulate a badge” menu</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Premier lecteur PC/SC trouvé</source>
        <translation>The first PC/SC reader found</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prête, papier en place</source>
        <translation>Ready, paper loaded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Papier bientôt épuisé</source>
        <translation>Paper running low</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plus de papier</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hors ligne (capot ouvert ou erreur)</source>
        <translation>Offline (cover open or error)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injoignable</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne répond pas</source>
        <translation>Not answering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État inconnu</source>
        <translation>State unknown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune imprimante configurée</source>
        <translation>No printer configured</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imprimante simulée&#x202f;: les tickets s’affichent à l’écran</source>
        <translation>Simulated printer: tickets are shown on screen</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Réglage «&#x202f;reader&#x202f;»&#x202f;: aucun lecteur</source>
        <translation>“reader” setting: no reader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lecteur PC/SC dont le nom contient «&#x202f;{name}&#x202f;»</source>
        <translation>PC/SC reader whose name contains “{name}”</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Réglage «&#x202f;printer&#x202f;»&#x202f;: aucune</source>
        <translation>“printer” setting: none</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connectée, mais ne dit pas si elle a du papier</source>
        <translation>Connected, but does not say whether it has paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cette connexion ne permet pas de lire son état</source>
        <translation>This connection cannot read its state</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérifiez le câble, l’alimentation ou le réseau</source>
        <translation>Check the cable, the power or the network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remettez un rouleau&#x202f;: les tickets attendent</source>
        <translation>Load a new roll: tickets are waiting</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucun code lu depuis le démarrage</source>
        <translation>No code read since start-up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>douchette</source>
        <translation>hand scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>caméra</source>
        <translation>camera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>simulation</source>
        <translation>simulation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dernier code&#x202f;: {time}, {source}, «&#x202f;{start}…&#x202f;»</source>
        <translation>Last code: {time}, {source}, “{start}…”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>À l’écoute</source>
        <translation>Listening</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Entrée ou Tab</source>
        <translation>Return or Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrée</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clavier, préfixe «&#x202f;{prefix}&#x202f;», suffixe {suffix}, {gap} ms</source>
        <translation>Keyboard, prefix “{prefix}”, suffix {suffix}, {gap} ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clavier, suffixe {suffix}, {gap} ms au plus</source>
        <translation>Keyboard, suffix {suffix}, {gap} ms at most</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Désactivée</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune caméra trouvée</source>
        <translation>No camera found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarrage…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active&#x202f;: lit les QR codes présentés</source>
        <translation>Active: reads the QR codes shown to it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMARTCORNER_CAMERA=1 pour l’activer</source>
        <translation>SMARTCORNER_CAMERA=1 to enable it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branchez une caméra USB&#x202f;: elle sera prise en compte</source>
        <translation>Plug in a USB camera: it will be picked up</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Matériel</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État des appareils de ce kiosque, en direct</source>
        <translation>Live state of this kiosk’s devices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lecteur de badges</source>
        <translation>Badge reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimante de tickets</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lecteur de QR codes</source>
        <translation>QR code reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../ui/help/pages.py" line="-338"/>
        <source>Panne de matériel</source>
        <translation>Hardware fault</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messagerie</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compte et mot de passe</source>
        <translation>Account and password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logiciel</source>
        <translation>Software</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre demande</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Écran, clavier, imprimante, poste qui ne démarre pas</source>
        <translation>Screen, keyboard, printer, computer that won&apos;t start</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outlook, boîte pleine, courriel qui n’arrive pas</source>
        <translation>Outlook, full mailbox, email not arriving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mot de passe oublié, compte bloqué, accès refusé</source>
        <translation>Forgotten password, locked account, access denied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installation, mise à jour, message d’erreur</source>
        <translation>Installation, update, error message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toute autre question numérique</source>
        <translation>Any other digital question</translation>
    </message>
</context>
<context>
    <name>HelpBoard</name>
    <message>
        <location filename="../../ui/help/board.py" line="+128"/>
        <source>Guichet {n}</source>
        <translation>Desk {n}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Aucun appel pour l’instant</source>
        <translation>No call yet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Personne n’attend. Prenez un numéro à la borne.</source>
        <translation>Nobody is waiting. Take a number at the kiosk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} en attente · un nouveau numéro attendrait environ {m} min</source>
        <translation>{n} waiting · a new number would wait about {m} min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Besoin d’aide&#x202f;? — Appels</source>
        <translation>Need help? — Calls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numéro appelé</source>
        <translation>Number called</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Derniers appels</source>
        <translation>Last calls</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/app/screens/home.py" line="+156"/>
        <source>Bonjour&#x202f;!</source>
        <translation>Hello!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bienvenue au {name}</source>
        <translation>Welcome to the {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Que souhaitez-vous faire&#x202f;?</source>
        <translation>What would you like to do?</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="+63"/>
        <source>Vous êtes toujours là&#x202f;?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Par discrétion, le kiosque revient à l’accueil dans quelques secondes.</source>
        <translation>For your privacy, the kiosk will return to the start screen in a few seconds.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>LineCard</name>
    <message>
        <location filename="../../ui/collect/line_card.py" line="+118"/>
        <source>Cet article ne peut pas être retiré aujourd’hui.</source>
        <translation>This item cannot be collected today.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>coché</source>
        <translation>ticked</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>non coché</source>
        <translation>not ticked</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Article {n} sur {count}</source>
        <translation>Item {n} of {count}</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../ui/documents/media_player.py" line="+96"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lecture</source>
        <translation>Play</translation>
    </message>
</context>
<context>
    <name>MySpace</name>
    <message>
        <location filename="../../ui/myspace/screen.py" line="+49"/>
        <source>Inscription refusée au retour du Smart Tour.</source>
        <translation>Sign-up refused when the Smart Tour synchronised.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Liste d’attente&#x202f;: position %1</source>
        <translation>Waiting list: position %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place réservée · référence %1</source>
        <translation>Place booked · reference %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cette borne n’envoie pas de courriel&#x202f;: revenez ici voir si une place s’est libérée ou si votre commande est prête.</source>
        <translation>This kiosk sends no e-mail: come back here to see whether a place has freed up or your order is ready.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nous n’avons pas votre adresse de courriel&#x202f;: revenez ici pour suivre vos inscriptions et vos commandes.</source>
        <translation>We do not have your e-mail address: come back here to follow your registrations and orders.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Une place libérée ou une commande prête&#x202f;: nous vous écrivons.</source>
        <translation>A place freed up or an order ready: we e-mail you.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Un instant…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ce badge n’est pas encore connu&#x202f;: l’accueil peut le relier à votre nom.</source>
        <translation>This badge is not known yet: the front desk can link it to your name.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Votre espace n’a pas pu être lu. Réessayez dans un instant.</source>
        <translation>Your space could not be read. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Votre inscription est annulée.</source>
        <translation>Your registration is cancelled.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vous avez quitté la liste d’attente.</source>
        <translation>You have left the waiting list.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Mes événements</source>
        <translation>My events</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucune inscription à venir.</source>
        <translation>No coming registration.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mes demandes et commandes</source>
        <translation>My requests and orders</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucune demande en cours.</source>
        <translation>No open request.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Mon espace</source>
        <translation>My space</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vos inscriptions, vos demandes et vos commandes</source>
        <translation>Your registrations, requests and orders</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passez votre badge sur le lecteur pour voir vos inscriptions et vos commandes.</source>
        <translation>Tap your badge on the reader to see your registrations and orders.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mon espace · %1</source>
        <translation>My space · %1</translation>
    </message>
    <message>
        <location filename="../../ui/myspace/texts.py" line="+25"/>
        <source>Demandé le {day}, envoyé au prochain passage du Smart Tour</source>
        <translation>Requested on {day}, sent at the Smart Tour’s next sync</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demandé le {day}, en attente de validation</source>
        <translation>Requested on {day}, waiting for approval</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demande refusée le {day}&#x202f;: {reason}</source>
        <translation>Request declined on {day}: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Validé, en attente de préparation</source>
        <translation>Approved, waiting to be prepared</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En préparation</source>
        <translation>Being prepared</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} — prévu le {day}</source>
        <translation>{label} — expected {day}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prêt — à retirer avant le {day}</source>
        <translation>Ready — collect before {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prêt à retirer</source>
        <translation>Ready to collect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retiré le {day}</source>
        <translation>Collected on {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annulé le {day}</source>
        <translation>Cancelled {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non retiré à temps — expiré le {day}</source>
        <translation>Not collected in time — expired {day}</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <location filename="../../ui/speech/narrator.py" line="+333"/>
        <source>Flèches ou Tab pour passer d’un élément à l’autre, Entrée pour choisir, Échap ou moins pour revenir, étoile pour réentendre.</source>
        <translation>Arrows or Tab to move from one item to the next, Enter to choose, Escape or minus to go back, star to hear it again.</translation>
    </message>
</context>
<context>
    <name>NoResults</name>
    <message>
        <location filename="../../ui/documents/search.py" line="+123"/>
        <source>La recherche est indisponible pour le moment&#x202f;: réessayez dans quelques minutes, ou demandez à l’accueil du Smart Corner.</source>
        <translation>Search is unavailable right now: try again in a few minutes, or ask at the Smart Corner desk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aucun résultat pour «&#x202f;%1&#x202f;».</source>
        <translation>No result for “%1”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vouliez-vous dire «&#x202f;%1&#x202f;»&#x202f;?</source>
        <translation>Did you mean “%1”?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Essayez plutôt un thème&#x202f;:</source>
        <translation>Try a topic instead:</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../ui/notices/widgets.py" line="+73"/>
        <source>Le Smart Tour est à {place} aujourd’hui, jusqu’à {end}</source>
        <translation>The Smart Tour is in {place} today, until {end}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le Smart Tour passe à {place} {day}, {hours}</source>
        <translation>The Smart Tour comes to {place} on {day}, {hours}</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="+279"/>
        <source>espace</source>
        <translation>space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Majuscule</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>OpeningNotice</name>
    <message>
        <location filename="../../ui/documents/opening.py" line="+35"/>
        <source>Ouverture du document…</source>
        <translation>Opening the document…</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/app/screens/out_of_service.py" line="+63"/>
        <source>disque plein</source>
        <translation>disk full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dossier des données en lecture seule</source>
        <translation>data folder read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>base vide ou abîmée</source>
        <translation>database empty or damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base de données injoignable</source>
        <translation>database unreachable</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Borne hors service</source>
        <translation>Kiosk out of service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elle ne peut rien enregistrer pour le moment. Merci de prévenir l’équipe.</source>
        <translation>It cannot record anything for now. Please tell the staff.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause&#x202f;: {cause}</source>
        <translation>Cause: {cause}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ou, pour repartir de zéro&#x202f;:</source>
        <translation>or, to start afresh:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pour réparer&#x202f;:</source>
        <translation>To mend it:</translation>
    </message>
</context>
<context>
    <name>PersonSearch</name>
    <message>
        <location filename="../../ui/checkin/person_search.py" line="+56"/>
        <source>Présent·e</source>
        <translation>Present</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inscrit·e</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liste d’attente</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non inscrit·e</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Visiteur</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent · {matricule}</source>
        <translation>Agent · {matricule}</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Personne ne porte ce nom.</source>
        <translation>Nobody has this name.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nom, prénom ou matricule</source>
        <translation>Name, first name or staff number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="+143"/>
        <source>Chiffre saisi</source>
        <translation>Digit entered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le code a au plus {n} chiffres</source>
        <translation>The code has at most {n} digits</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code effacé</source>
        <translation>Code cleared</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le code a au moins {n} chiffres</source>
        <translation>The code has at least {n} digits</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tapez le code sur le pavé numérique, puis Entrée.</source>
        <translation>Type the code on the keypad, then Enter.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Code secret, aucun chiffre saisi</source>
        <translation>Secret code, no digit entered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code secret, 1 chiffre saisi</source>
        <translation>Secret code, 1 digit entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code secret, {n} chiffres saisis</source>
        <translation>Secret code, {n} digits entered</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trop d’essais&#x202f;: code refusé jusqu’à {time}</source>
        <translation>Too many attempts: codes refused until {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code incorrect — il reste 1 essai</source>
        <translation>Wrong code — 1 attempt left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code incorrect — il reste {n} essais</source>
        <translation>Wrong code — {n} attempts left</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valider</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/pin.py" line="+18"/>
        <source>Accès administrateur</source>
        <translation>Administrator access</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PrintQueueSection</name>
    <message>
        <location filename="../../ui/devices/print_queue.py" line="+243"/>
        <source>File d’impression indisponible pour le moment</source>
        <translation>Print queue not available yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lecture de la file d’impression…</source>
        <translation>Reading the print queue…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 ticket en attente</source>
        <translation>1 ticket waiting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} tickets en attente</source>
        <translation>{n} tickets waiting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 non imprimé&#x202f;: à vous de décider</source>
        <translation>1 not printed: your decision</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} non imprimés&#x202f;: à vous de décider</source>
        <translation>{n} not printed: your decision</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rien en attente&#x202f;: tout est imprimé</source>
        <translation>Nothing waiting: everything is printed</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Page de test demandée…</source>
        <translation>Test page requested…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page de test imprimée à {time}</source>
        <translation>Test page printed at {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page de test non imprimée&#x202f;: {why}</source>
        <translation>Test page not printed: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page de test annulée</source>
        <translation>Test page cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page de test en attente&#x202f;: {why}</source>
        <translation>Test page waiting: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page de test en cours d’impression…</source>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>… et {n} autre(s), plus récent(s)</source>
        <translation>… and {n} more, more recent</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{what}, demandé à {time}</source>
        <translation>{what}, requested at {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ce ticket est peut-être déjà sorti&#x202f;: le réimprimer en fait un second. Touchez «&#x202f;Oui, réimprimer&#x202f;» pour confirmer.</source>
        <translation>This ticket may already be out: reprinting makes a second one. Tap “Yes, reprint” to confirm.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Réimprimer</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oui, réimprimer</source>
        <translation>Yes, reprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Impression en cours</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Non imprimé&#x202f;: {why}</source>
        <translation>Not printed: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En attente de l’imprimante</source>
        <translation>Waiting for the printer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nouvel essai à {time}, après 1 essai&#x202f;: {why}</source>
        <translation>Next try at {time}, after 1 try: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nouvel essai à {time}, après {n} essais&#x202f;: {why}</source>
        <translation>Next try at {time}, after {n} tries: {why}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>plus de papier</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imprimante hors ligne (capot ouvert ou erreur)</source>
        <translation>printer offline (cover open or error)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imprimante injoignable (câble, réseau, alimentation)</source>
        <translation>printer unreachable (cable, network, power)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>l’imprimante ne répond pas</source>
        <translation>the printer does not answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aucune imprimante configurée</source>
        <translation>no printer configured</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>peut-être imprimé, l’envoi a été coupé en cours&#x202f;; vérifiez si le ticket est sorti</source>
        <translation>may have printed, sending was cut off; check whether the ticket came out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pas imprimé à temps, il n’est plus envoyé tout seul</source>
        <translation>not printed in time, no longer sent by itself</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket illisible, il ne peut pas être imprimé</source>
        <translation>unreadable ticket, it cannot be printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>erreur du logiciel (voir le journal)</source>
        <translation>software error (see the log)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>raison inconnue</source>
        <translation>unknown reason</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ticket d’attente (Besoin d’aide&#x202f;?)</source>
        <translation>Queue ticket (Need help?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass d’entrée</source>
        <translation>Entry pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass visiteur</source>
        <translation>Visitor pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reçu de retrait</source>
        <translation>Pickup receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiche document</source>
        <translation>Document sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page de test</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File d’impression</source>
        <translation>Print queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer une page de test</source>
        <translation>Print a test page</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <location filename="../../ui/widgets/privacy.py" line="+25"/>
        <source>Vos nom, organisme et courriel servent à votre laissez-passer et à la liste de présence de l’événement.</source>
        <translation>Your name, organisation and e-mail are used for your pass and the event’s attendance list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Votre badge est relié à votre nom pour enregistrer vos arrivées&#x202f;; son numéro n’est jamais conservé en clair.</source>
        <translation>Your badge is linked to your name to record your arrivals; its number is never stored as such.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Votre description sert à traiter votre demande d’aide.</source>
        <translation>Your description is used to handle your request for help.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votre signature prouve la remise du matériel à votre nom.</source>
        <translation>Your signature proves the equipment was handed to you.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vos nom, organisme et courriel servent à votre inscription, à votre accueil le jour venu et à la liste de présence de l’événement.</source>
        <translation>Your name, organisation and e-mail are used for your registration, to welcome you on the day and for the event&apos;s attendance list.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Visiteurs extérieurs (nom, organisme, courriel)</source>
        <translation>External visitors (name, organisation, e-mail)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrivées aux événements</source>
        <translation>Arrivals at events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passages refusés (badge inconnu, billet non valable)</source>
        <translation>Refused entries (unknown badge, invalid ticket)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demandes d’aide et leur description</source>
        <translation>Help requests and their description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets imprimés</source>
        <translation>Printed tickets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remises de matériel et signatures</source>
        <translation>Equipment hand-overs and signatures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fréquentation des espaces</source>
        <translation>Visits of the spaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recherches dans le kiosque numérique</source>
        <translation>Searches in the document kiosk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflits de synchronisation du Smart Tour</source>
        <translation>Smart Tour sync conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avis donnés après les événements</source>
        <translation>Feedback given after events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages envoyés (place libérée, commande prête, demande refusée)</source>
        <translation>Messages sent (place freed, order ready, request declined)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>1 an</source>
        <translation>1 year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} ans</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 jour</source>
        <translation>1 day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} jours</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Vos données personnelles</source>
        <translation>Your personal data</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Responsable&#x202f;: le Département, pour le fonctionnement du Smart Corner (mission de service public). Elles ne sont ni vendues ni transmises hors de ses services.</source>
        <translation>Controller: the Département, to run the Smart Corner (a public-service task). They are neither sold nor passed on outside its services.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Combien de temps elles sont gardées</source>
        <translation>How long they are kept</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>• {what}&#x202f;: {how_long}</source>
        <translation>• {what}: {how_long}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>le délégué à la protection des données du Département</source>
        <translation>the Département’s data protection officer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vous pouvez y accéder, les faire corriger ou effacer, ou vous opposer à leur usage&#x202f;: adressez-vous à {contact}. Vous pouvez aussi saisir la CNIL (cnil.fr).</source>
        <translation>You may see them, have them corrected or erased, or object to their use: ask {contact}. You may also complain to the CNIL (cnil.fr).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>En savoir plus</source>
        <translation>Learn more</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../ui/projects/project_page.py" line="+212"/>
        <source>Ce que ça change pour les agents</source>
        <translation>What it changes for staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votre contact, ambassadeur du projet</source>
        <translation>Your contact, the project’s ambassador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pour en savoir plus, venez à</source>
        <translation>To find out more, come to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pas d’événement prévu pour l’instant sur ce projet.</source>
        <translation>No event planned on this project for now.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scannez pour retrouver le projet sur votre téléphone</source>
        <translation>Scan to find the project on your phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voir la vidéo</source>
        <translation>Watch the video</translation>
    </message>
</context>
<context>
    <name>Projects</name>
    <message>
        <location filename="../../ui/projects/cards.py" line="+17"/>
        <source>Idée</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expérimentation</source>
        <translation>Pilot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déploiement</source>
        <translation>Rolling out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En service</source>
        <translation>In service</translation>
    </message>
</context>
<context>
    <name>ProjectsScreen</name>
    <message>
        <location filename="../../ui/projects/screen.py" line="+124"/>
        <source>Chargement des projets…</source>
        <translation>Loading the projects…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Aucun projet ne correspond à «&#x202f;{query}&#x202f;».</source>
        <translation>No project matches “{query}”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucun projet à montrer pour le moment.</source>
        <translation>No project to show for now.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Projets numériques</source>
        <translation>Digital projects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les projets du Département, de l’idée à la mise en service</source>
        <translation>The council’s projects, from the idea to the service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rechercher un projet, une direction…</source>
        <translation>Search for a project, a directorate…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clavier</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>QuarterCharts</name>
    <message>
        <location filename="../../ui/stats/quarter_charts.py" line="+66"/>
        <source>Par mois</source>
        <translation>By month</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>Participations</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Par type d’événement</source>
        <translation>By event type</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Besoin d’aide&#x202f;?&#x202f;: temps moyens</source>
        <translation>Need help? Mean times</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attente (min)</source>
        <translation>Wait (min)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prise en charge (min)</source>
        <translation>Service (min)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Janv.</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Févr.</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mars</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Avr.</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mai</source>
        <translation>May</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Juin</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Juil.</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Août</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sept.</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oct.</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nov.</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Déc.</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Masterclass</source>
        <translation>Masterclass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table ronde</source>
        <translation>Round table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atelier techno.</source>
        <translation>Tech workshop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Café numérique</source>
        <translation>Digital café</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formation</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Matériel</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messagerie</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compte</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logiciel</source>
        <translation>Software</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>QueueRow</name>
    <message>
        <location filename="../../ui/help/staff.py" line="+50"/>
        <source>Anonyme</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>arrivé il y a {m} min</source>
        <translation>arrived {m} min ago</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>En attente</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appelé · guichet {desk}</source>
        <translation>Called · desk {desk}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En cours · guichet {desk}</source>
        <translation>Being served · desk {desk}</translation>
    </message>
</context>
<context>
    <name>ReasonsPage</name>
    <message>
        <location filename="../../ui/help/pages.py" line="+190"/>
        <source>Votre badge est reconnu.</source>
        <translation>Your badge is recognised.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bonjour {name}&#x202f;! Votre badge est reconnu.</source>
        <translation>Hello {name}! Your badge is recognised.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passez votre badge pour être reconnu (facultatif)</source>
        <translation>Tap your badge to be recognised (optional)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Personne n’attend&#x202f;: un technicien vous reçoit vite.</source>
        <translation>Nobody is waiting: a technician will see you soon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 personne attend · environ {m} min</source>
        <translation>1 person waiting · about {m} min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} personnes attendent · environ {m} min</source>
        <translation>{n} people waiting · about {m} min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Besoin d’aide&#x202f;?</source>
        <translation>Need help?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisissez le motif de votre visite&#x202f;: vous recevez un numéro de passage.</source>
        <translation>Choose the reason for your visit: you will get a queue number.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Espace technicien</source>
        <translation>Technician area</translation>
    </message>
</context>
<context>
    <name>SatisfactionCard</name>
    <message>
        <location filename="../../ui/stats/satisfaction.py" line="+41"/>
        <source>Satisfaction après les événements</source>
        <translation>Satisfaction after events</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 réponses, taux de réponse %2 · %3&#x202f;: %4</source>
        <translation>%1 answers, response rate %2 · %3: %4</translation>
    </message>
</context>
<context>
    <name>SatisfactionTable</name>
    <message>
        <location line="+48"/>
        <source>Satisfaction par type d’événement</source>
        <translation>Satisfaction by event type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucune réponse à «&#x202f;Comment était…&#x202f;?&#x202f;» ce trimestre.</source>
        <translation>No answers to “How was it?” this quarter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Réponses</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taux de réponse</source>
        <translation>Response rate</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../ui/documents/search.py" line="+180"/>
        <location line="+72"/>
        <location line="+29"/>
        <source>Tous les thèmes</source>
        <translation>All topics</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>dans %1 · tout afficher</source>
        <translation>in %1 · show all</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chercher dans tous les thèmes, pas seulement %1</source>
        <translation>Search all themes, not only %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Plus de %1 résultats</source>
        <translation>More than %1 results</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 résultat</source>
        <translation>%1 result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 résultats</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tapez un mot&#x202f;: hameçonnage, RGPD, IA…</source>
        <translation>Type a word: phishing, GDPR, AI…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer la recherche</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tout</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vidéos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liens</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>SelfCheckin</name>
    <message>
        <location filename="../../ui/checkin/self_checkin.py" line="+51"/>
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M’inscrire</source>
        <translation>Sign me up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non merci</source>
        <translation>No, thanks</translation>
    </message>
</context>
<context>
    <name>SignupPanel</name>
    <message>
        <location filename="../../ui/events/signup_panel.py" line="+37"/>
        <source>Cet événement n’est plus au programme.</source>
        <translation>This event is no longer on the programme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votre badge n’est relié à personne.</source>
        <translation>Your badge is not linked to anybody.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L’événement a commencé&#x202f;: les inscriptions sont closes.</source>
        <translation>The event has started: registration is closed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cet événement est réservé aux agents du Département.</source>
        <translation>This event is for the Département’s staff only.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votre fiche n’est plus active&#x202f;: voyez l’accueil.</source>
        <translation>Your record is no longer active: see the front desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vous n’étiez pas inscrit à cet événement.</source>
        <translation>You were not registered to this event.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Votre place est réservée. Référence&#x202f;: %1</source>
        <translation>Your place is booked. Reference: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vous êtes sur la liste d’attente, position %1.</source>
        <translation>You are on the waiting list, position %1.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Un instant…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Votre ticket s’imprime.</source>
        <translation>Your slip is printing.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Votre inscription est annulée.</source>
        <translation>Your registration is cancelled.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vous avez quitté la liste d’attente.</source>
        <translation>You have left the waiting list.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ce badge n’est pas encore connu&#x202f;: l’accueil peut le relier à votre nom.</source>
        <translation>This badge is not known yet: the front desk can link it to your name.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>L’inscription n’a pas pu être enregistrée. Réessayez.</source>
        <translation>The registration could not be saved. Try again.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pour vous inscrire ou annuler, passez votre badge sur le lecteur.</source>
        <translation>To register or cancel, tap your badge on the reader.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pour vous inscrire ou annuler, passez votre badge sur le lecteur. Visiteur sans badge&#x202f;? Touchez «&#x202f;Je n’ai pas de badge&#x202f;».</source>
        <translation>To sign up or cancel, tap your badge on the reader. A visitor without a badge? Touch “I have no badge”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Je n’ai pas de badge</source>
        <translation>I have no badge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bonjour %1</source>
        <translation>Hello %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Annuler mon inscription</source>
        <translation>Cancel my registration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quitter la liste d’attente</source>
        <translation>Leave the waiting list</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rejoindre la liste d’attente</source>
        <translation>Join the waiting list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M’inscrire</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>SpeechSection</name>
    <message>
        <location filename="../../ui/devices/speech_section.py" line="+31"/>
        <source>Désactivée dans la configuration</source>
        <translation>Off in the configuration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prête, démarre au premier usage</source>
        <translation>Ready, starts when first used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En service</source>
        <translation>Working</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En train de parler</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bloquée&#x202f;: aucune sortie audio&#x202f;?</source>
        <translation>Stuck: no audio output?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En panne</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>haut-parleur</source>
        <translation>loudspeaker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>casque</source>
        <translation>headset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>casque s’il est branché, sinon haut-parleur</source>
        <translation>headset when plugged in, else loudspeaker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synthèse vocale (mode accessible)</source>
        <translation>Speech output (accessible mode)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sortie&#x202f;: {output} · volume {volume}&#x202f;%{muted}</source>
        <translation>Output: {output} · volume {volume}%{muted}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · coupée</source>
        <translation> · muted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vérifiez la carte son, le câble et speech-dispatcher.</source>
        <translation>Check the sound card, the cable and speech-dispatcher.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/help/staff.py" line="+161"/>
        <source>Personne n’attend.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Un autre guichet a déjà traité ce ticket.</source>
        <translation>Another desk has already handled this ticket.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{n} en attente</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun ticket à ce guichet</source>
        <translation>No ticket at this desk</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>File d’attente du jour</source>
        <translation>Today&apos;s queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personne n’attend pour le moment.</source>
        <translation>Nobody is waiting right now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guichet {n}</source>
        <translation>Desk {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>À ce guichet</source>
        <translation>At this desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeler le suivant</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rappeler</source>
        <translation>Call again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commencer</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quitter l’espace technicien</source>
        <translation>Leave the technician area</translation>
    </message>
</context>
<context>
    <name>StaffPinPad</name>
    <message>
        <location filename="../../ui/help/screen.py" line="+42"/>
        <source>Espace technicien</source>
        <translation>Technician area</translation>
    </message>
</context>
<context>
    <name>StatsScreen</name>
    <message>
        <location filename="../../ui/stats/screen.py" line="+276"/>
        <source>Les statistiques n’ont pas pu être calculées.</source>
        <translation>The statistics could not be computed.</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Statistiques</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Par trimestre, heure de Paris</source>
        <translation>By quarter, Paris time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trimestre précédent</source>
        <translation>Previous quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trimestre suivant</source>
        <translation>Next quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participations aux événements</source>
        <translation>Event attendance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taux d’absence des inscrits</source>
        <translation>No-show rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visites des espaces</source>
        <translation>Visits of the spaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demandes d’aide</source>
        <translation>Help requests</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direction</source>
        <translation>Directorate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demandes faites à la borne, par direction</source>
        <translation>Requests made at the kiosk, by directorate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demandes</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acceptées</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refusées</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune demande ni décision ce trimestre.</source>
        <translation>No request or decision this quarter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inscriptions aux événements faites à la borne, par direction</source>
        <translation>Event sign-ups made at the kiosk, by directorate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inscriptions</source>
        <translation>Sign-ups</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>En liste d’attente</source>
        <translation>On the waiting list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulées</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places libérées données</source>
        <translation>Freed places given</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune inscription faite à la borne ce trimestre.</source>
        <translation>No sign-up made at the kiosk this quarter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Projets numériques les plus consultés</source>
        <translation>Digital projects opened most</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consultations</source>
        <translation>Views</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucun projet consulté ce trimestre.</source>
        <translation>No project opened this quarter.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1ᵉʳ trimestre %1</source>
        <translation>Q1 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1ᵉ trimestre %2</source>
        <translation>Q%1 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Calcul en cours…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 pts</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 inscrits, %2 absents · %3&#x202f;: %4</source>
        <translation>%1 registered, %2 absent · %3: %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 événements · %2 venus sans inscription · %3 documents consultés · %4 recherches sans résultat</source>
        <translation>%1 events · %2 came unregistered · %3 documents opened · %4 searches with no result</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Visiteurs extérieurs</source>
        <translation>External visitors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agents sans direction</source>
        <translation>Staff without a directorate</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2) · %3&#x202f;: %4</source>
        <translation>%1 (%2) · %3: %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 demandes, %2 acceptées, %3 refusées</source>
        <translation>%1 requests, %2 approved, %3 declined</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 inscriptions · places libérées données&#x202f;: %2</source>
        <translation>%1 sign-ups · freed places given: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 consultations</source>
        <translation>%1 views</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1&#x202f;: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync/status.py" line="+44"/>
        <source>à l’instant</source>
        <translation>just now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>il y a {n} min</source>
        <translation>{n} min ago</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>il y a {n} h</source>
        <translation>{n} h ago</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>il y a {n} j</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Synchronisation non configurée</source>
        <translation>Sync not set up</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Synchronisation en cours…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pas encore synchronisé</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jamais synchronisé</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synchronisé {ago}</source>
        <translation>Synced {ago}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>données du {at}</source>
        <translation>data from {at}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} à envoyer</source>
        <translation>{n} to send</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>conflits&#x202f;: {n}</source>
        <translation>conflicts: {n}</translation>
    </message>
    <message>
        <location line="+175"/>
        <source>Synchronisation avec la base centrale</source>
        <translation>Sync with the central database</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchroniser maintenant</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Réglage central_db vide&#x202f;: ce kiosque travaille seul.</source>
        <translation>Setting central_db is empty: this kiosk works on its own.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dernière réussite&#x202f;: {at}</source>
        <translation>Last success: {at}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>erreur&#x202f;: {error}</source>
        <translation>error: {error}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>raison inconnue (voir le journal)</source>
        <translation>unknown reason (see the log)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>base centrale injoignable (pas de réseau&#x202f;?)</source>
        <translation>central database unreachable (no network?)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connexion à la base centrale perdue</source>
        <translation>connection to the central database lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>la base centrale a refusé un enregistrement</source>
        <translation>the central database refused a record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base centrale à mettre à jour (smartcorner db upgrade)</source>
        <translation>central database to upgrade (smartcorner db upgrade)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>synchronisation interrompue par l’arrêt du kiosque</source>
        <translation>sync interrupted by the kiosk shutting down</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>réglages de synchronisation à corriger</source>
        <translation>sync settings to fix</translation>
    </message>
</context>
<context>
    <name>TakeAway</name>
    <message>
        <location filename="../../ui/documents/document_reader.py" line="-77"/>
        <source>Emporter ce document</source>
        <translation>Take this document away</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scannez le QR code avec l’appareil photo de votre téléphone.</source>
        <translation>Scan the QR code with your phone&apos;s camera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer la fiche</source>
        <translation>Print the summary sheet</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../ui/help/ticket.py" line="+179"/>
        <source>Votre numéro&#x202f;: {ticket}.</source>
        <translation>Your number: {ticket}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C’est à vous&#x202f;! Regardez l’écran d’appel.</source>
        <translation>It’s your turn! Look at the calling screen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vous êtes le prochain appelé.</source>
        <translation>You are next in line.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vous êtes {n}ᵉ dans la file.</source>
        <translation>You are number {n} in the queue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attente estimée&#x202f;: moins d’une minute.</source>
        <translation>Estimated wait: less than a minute.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attente estimée&#x202f;: environ {m} minutes.</source>
        <translation>Estimated wait: about {m} minutes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Création de votre ticket…</source>
        <translation>Creating your ticket…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Votre numéro</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Le ticket n’a pas pu être créé. Réessayez, ou adressez-vous à l’accueil.</source>
        <translation>The ticket could not be created. Try again, or ask at the front desk.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>C’est à vous&#x202f;!</source>
        <translation>It&apos;s your turn!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regardez l’écran d’appel</source>
        <translation>Look at the calling screen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prochain</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous êtes le prochain appelé</source>
        <translation>You are the next one called</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votre position dans la file</source>
        <translation>Your place in the queue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attente estimée</source>
        <translation>Estimated wait</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Estimation indicative&#x202f;: il est trop tôt pour mesurer l’attente du jour.</source>
        <translation>Rough estimate: it is too early to measure today&apos;s wait.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calculée sur les temps de prise en charge d’aujourd’hui.</source>
        <translation>Based on today&apos;s service times.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Retenez votre numéro&#x202f;: il s’affichera à l’écran d’appel.</source>
        <translation>Remember your number: it will show on the calling screen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impression de votre ticket…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prenez votre ticket imprimé.</source>
        <translation>Take your printed ticket.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>L’imprimante ne répond pas&#x202f;: notez votre numéro. L’impression sera relancée.</source>
        <translation>The printer is not answering: note your number. Printing will be retried.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ticket non imprimé&#x202f;: notez votre numéro, il suffit pour être appelé.</source>
        <translation>Ticket not printed: note your number, it is all you need to be called.</translation>
    </message>
</context>
<context>
    <name>TicketPanel</name>
    <message>
        <location filename="../../ui/widgets/ticket_view.py" line="+80"/>
        <source>Ticket imprimé (imprimante simulée)</source>
        <translation>Printed ticket (simulated printer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <location filename="../../ui/widgets/toast.py" line="+84"/>
        <source>Badge lu, mais cet écran ne s’en sert pas.</source>
        <translation>Badge read, but this screen does not use it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code lu, mais cet écran ne s’en sert pas.</source>
        <translation>Code read, but this screen does not use it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cette carte ne permet pas de vous identifier (son numéro change à chaque passage). Utilisez votre badge agent.</source>
        <translation>This card cannot identify you (its number changes at every tap). Please use your staff badge.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Badge mal lu. Reposez-le bien à plat sur le lecteur.</source>
        <translation>The badge was not read properly. Hold it flat on the reader again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Un problème est survenu. Réessayez ou demandez de l’aide à l’accueil.</source>
        <translation>Something went wrong. Try again or ask for help at the desk.</translation>
    </message>
</context>
<context>
    <name>TourStrip</name>
    <message>
        <location filename="../../ui/notices/widgets.py" line="+15"/>
        <source>Le Smart Tour près de chez vous</source>
        <translation>The Smart Tour near you</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/checkin/verdicts.py" line="+58"/>
        <source>{day}, {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/verdict_wordings.py" line="+272"/>
        <source>Rendez-vous au {place} à {time}.</source>
        <translation>Please go to the {place} at {time}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rendez-vous au {place} le {day} à {time}.</source>
        <translation>Please go to the {place} on {day} at {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/verdicts.py" line="+9"/>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un instant, s’il vous plaît.</source>
        <translation>One moment, please.</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/verdict_wordings.py" line="-100"/>
        <source>Bienvenue, {name}&#x202f;!</source>
        <translation>Welcome, {name}!</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Bienvenue&#x202f;!</source>
        <translation>Welcome!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votre arrivée est enregistrée. Bonne séance&#x202f;!</source>
        <translation>You are checked in. Enjoy the session!</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/verdicts.py" line="+12"/>
        <source>Votre prochain rendez-vous&#x202f;: {title}</source>
        <translation>Your next session: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/verdict_wordings.py" line="+10"/>
        <source>Bonjour, {name}&#x202f;!</source>
        <translation>Hello, {name}!</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Bonjour&#x202f;!</source>
        <translation>Hello!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votre passage au Smart Corner est enregistré. Bonne visite&#x202f;!</source>
        <translation>Your visit to the Smart Corner is recorded. Enjoy!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Arrivée déjà enregistrée à {time} ({kiosk}). Vous pouvez entrer.</source>
        <translation>Already checked in at {time} ({kiosk}). You may go in.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Arrivée déjà enregistrée à {time}. Vous pouvez entrer.</source>
        <translation>Already checked in at {time}. You may go in.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Votre arrivée est déjà enregistrée. Vous pouvez entrer.</source>
        <translation>You are already checked in. You may go in.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>{name}, c’est déjà noté</source>
        <translation>{name}, you are already in</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>C’est déjà noté</source>
        <translation>You are already in</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Aucun événement en cours ici</source>
        <translation>No event on here right now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultez le programme sur l’écran d’accueil ou adressez-vous à l’équipe.</source>
        <translation>See the programme on the home screen or ask the staff.</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Il reste des places.</source>
        <translation>Seats are left.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Il reste 1 place.</source>
        <translation>1 seat left.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Il reste {n} places.</source>
        <translation>{n} seats left.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>{name}, une place pour vous&#x202f;?</source>
        <translation>{name}, would you like a seat?</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Une place pour vous&#x202f;?</source>
        <translation>Would you like a seat?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pas d’inscription à votre nom pour cette séance. {left} Voulez-vous vous inscrire maintenant&#x202f;?</source>
        <translation>You are not registered for this session. {left} Would you like to sign up now?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pas d’inscription pour cette séance</source>
        <translation>Not registered for this session</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Adressez-vous à l’équipe d’accueil.</source>
        <translation>Please ask the staff at the entrance.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Séance complète</source>
        <translation>Session full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toutes les places sont prises. L’équipe d’accueil peut vous aider.</source>
        <translation>All seats are taken. The staff at the entrance can help you.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>L’accueil n’est pas encore ouvert</source>
        <translation>Check-in is not open yet</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Revenez à partir de {time}.</source>
        <translation>Please come back from {time}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Revenez le {day} à partir de {time}.</source>
        <translation>Please come back on {day} from {time}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>L’accueil de cette séance est terminé</source>
        <translation>Check-in for this session has closed</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Inscription à un autre événement</source>
        <translation>Registered for another event</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>{name}, votre inscription est pour un autre événement</source>
        <translation>{name}, you are registered for another event</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Vous êtes sur la liste d’attente, en 1ʳᵉ position.</source>
        <translation>You are on the waiting list, first in line.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous êtes sur la liste d’attente, en {n}ᵉ position.</source>
        <translation>You are on the waiting list, number {n} in line.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Votre inscription est pour un autre événement</source>
        <translation>You are registered for another event</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vous êtes sur la liste d’attente</source>
        <translation>You are on the waiting list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}, vous êtes sur la liste d’attente</source>
        <translation>{name}, you are on the waiting list</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Une place s’est libérée pour vous</source>
        <translation>A place has come free for you</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{position} Une place est libre et c’est votre tour. Voulez-vous la prendre maintenant&#x202f;?</source>
        <translation>{position} A place is free and it is your turn. Would you like to take it now?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}, une place s’est libérée pour vous</source>
        <translation>{name}, a place has come free for you</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{position} {left} Les places libres reviennent d’abord aux personnes inscrites avant vous sur la liste. Adressez-vous à l’équipe d’accueil.</source>
        <translation>{position} {left} Free places go first to those who joined the list before you. Please ask the welcome team.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{position} Aucune place libre pour l’instant. Si une place se libère avant {time}, elle vous sera donnée dans l’ordre de la liste&#x202f;: repassez alors votre badge.</source>
        <translation>{position} No place is free for now. If one comes free before {time}, it is given in the order of the list: then tap your badge again.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{position} Toutes les places sont prises. Adressez-vous à l’équipe d’accueil.</source>
        <translation>{position} All the places are taken. Please ask the welcome team.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Badge non reconnu</source>
        <translation>Badge not recognised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L’équipe d’accueil peut l’associer à votre nom en quelques secondes.</source>
        <translation>The staff at the entrance can link it to your name in a few seconds.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code non reconnu</source>
        <translation>Code not recognised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce code n’est pas un billet du Smart Corner, ou il est abîmé.</source>
        <translation>This code is not a Smart Corner ticket, or it is damaged.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Billet non valide</source>
        <translation>Invalid ticket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce billet n’a pas été émis par le Smart Corner. Adressez-vous à l’équipe.</source>
        <translation>This ticket was not issued by the Smart Corner. Please ask the staff.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Billet expiré</source>
        <translation>Ticket expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce billet n’est plus valable. Adressez-vous à l’équipe d’accueil.</source>
        <translation>This ticket is no longer valid. Please ask the staff at the entrance.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Billet annulé</source>
        <translation>Ticket cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce billet a été annulé. Adressez-vous à l’équipe d’accueil.</source>
        <translation>This ticket has been cancelled. Please ask the staff at the entrance.</translation>
    </message>
    <message>
        <location filename="../../ui/checkin/verdicts.py" line="+27"/>
        <source>Confirmer votre inscription</source>
        <translation>Confirm your registration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Votre place sera réservée et votre arrivée enregistrée.</source>
        <translation>Your seat will be booked and you will be checked in.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enregistrement impossible</source>
        <translation>Check-in failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Un problème technique empêche l’enregistrement. Adressez-vous à l’équipe.</source>
        <translation>A technical problem prevents check-in. Please ask the staff.</translation>
    </message>
</context>
<context>
    <name>Visitor</name>
    <message>
        <location filename="../../ui/widgets/visitor_form.py" line="+145"/>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Laissez-passer visiteur</source>
        <translation>Visitor pass</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisme</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Courriel (facultatif)</source>
        <translation>E-mail (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Enregistrer et imprimer</source>
        <translation>Save and print</translation>
    </message>
</context>
<context>
    <name>VisitorSignup</name>
    <message>
        <location filename="../../ui/events/visitor_signup.py" line="+41"/>
        <source>Vous êtes sur la liste d’attente, en 1ʳᵉ position.</source>
        <translation>You are on the waiting list, first in line.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous êtes sur la liste d’attente, en {n}ᵉ position.</source>
        <translation>You are on the waiting list, number {n} in line.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Votre place est réservée</source>
        <translation>Your place is booked</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Référence&#x202f;: {ref}</source>
        <translation>Reference: {ref}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votre ticket s’imprime.</source>
        <translation>Your ticket is printing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Si une place se libère, elle vous sera donnée dans l’ordre de la liste. Le jour venu, présentez ce code QR à la borne de l’entrée, ou donnez votre nom à l’accueil.</source>
        <translation>If a place comes free, it is given in the order of the list. On the day, show this QR code to the kiosk at the door, or give your name at the desk.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Le jour venu, présentez ce code QR à la borne de l’entrée, ou donnez votre nom à l’accueil.</source>
        <translation>On the day, show this QR code to the kiosk at the door, or give your name at the desk.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>M’inscrire</source>
        <translation>Sign me up</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Inscription sans badge</source>
        <translation>Sign up without a badge</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Prénom, nom, organisme et courriel facultatif, puis «&#x202f;M’inscrire&#x202f;».</source>
        <translation>First name, last name, organisation and an optional e-mail, then “Sign me up”.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Un instant…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>L’inscription n’a pas pu être enregistrée. Réessayez.</source>
        <translation>The registration could not be recorded. Please try again.</translation>
    </message>
</context>
<context>
    <name>VoiceRow</name>
    <message>
        <location filename="../../ui/app/screens/speech_controls.py" line="+70"/>
        <source>Voici la voix du kiosque.</source>
        <translation>This is the kiosk’s voice.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Volume {n}&#x202f;%</source>
        <translation>Volume {n}%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Débit lent</source>
        <translation>Slow speech</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Débit normal</source>
        <translation>Normal speech</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Débit rapide</source>
        <translation>Fast speech</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Débit {n:+d}&#x202f;%</source>
        <translation>Speech rate {n:+d}%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rétablir la voix</source>
        <translation>Voice back on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Couper la voix</source>
        <translation>Mute the voice</translation>
    </message>
</context>
</TS>
