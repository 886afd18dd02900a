<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/screens/admin.py" line="+87"/>
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
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quitter le kiosque</source>
        <translation>Quit the kiosk</translation>
    </message>
</context>
<context>
    <name>AgendaScreen</name>
    <message>
        <location filename="../../ui/screens/agenda.py" line="+172"/>
        <source>Chargement du programme…</source>
        <translation>Loading the programme…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le programme n&apos;est pas disponible pour le moment.</source>
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
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="+109"/>
        <source>Touchez l&apos;écran pour commencer</source>
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
        <location filename="../../ui/widgets/events_column.py" line="+65"/>
        <source>Le programme n&apos;est pas disponible pour le moment.</source>
        <translation>The programme is not available right now.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun événement prévu pour le moment.</source>
        <translation>No events scheduled at the moment.</translation>
    </message>
</context>
<context>
    <name>BottomBar</name>
    <message>
        <location filename="../../ui/widgets/bottom_bar.py" line="+66"/>
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
    <name>Capabilities</name>
    <message>
        <location filename="../../ui/capabilities.py" line="+76"/>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le programme du Smart Corner</source>
        <translation>What&apos;s on at the Smart Corner</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <location filename="../../ui/formatting.py" line="+96"/>
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
        <location filename="../../ui/widgets/event_card.py" line="+149"/>
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
    <name>EventKind</name>
    <message>
        <location filename="../../ui/formatting.py" line="-27"/>
        <source>Masterclass</source>
        <translation>Masterclass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table ronde</source>
        <translation>Table ronde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atelier technologique</source>
        <translation>Atelier technologique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Café numérique</source>
        <translation>Café numérique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formation</source>
        <translation>Training</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="+89"/>
        <source>Bonjour&#xa0;!</source>
        <translation>Hello!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bienvenue au {name}</source>
        <translation>Welcome to the {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Que souhaitez-vous faire&#xa0;?</source>
        <translation>What would you like to do?</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="+65"/>
        <source>Vous êtes toujours là&#xa0;?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Par discrétion, le kiosque revient à l&apos;accueil dans quelques secondes.</source>
        <translation>For your privacy, the kiosk will return to the start screen in a few seconds.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="+176"/>
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
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/pin.py" line="+126"/>
        <source>Accès verrouillé jusqu&apos;à {time}</source>
        <translation>Access locked until {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code incorrect — il reste 1 essai</source>
        <translation>Wrong code — 1 attempt left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code incorrect — il reste {n} essais</source>
        <translation>Wrong code — {n} attempts left</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accès administrateur</source>
        <translation>Administrator access</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <location filename="../../ui/widgets/toast.py" line="+80"/>
        <source>Badge lu, mais cet écran ne s&apos;en sert pas.</source>
        <translation>Badge read, but this screen does not use it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code lu, mais cet écran ne s&apos;en sert pas.</source>
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
        <source>Un problème est survenu. Réessayez ou demandez de l&apos;aide à l&apos;accueil.</source>
        <translation>Something went wrong. Try again or ask for help at the desk.</translation>
    </message>
</context>
</TS>
