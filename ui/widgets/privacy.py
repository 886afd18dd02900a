"""RGPD information where data is collected: one short line, and « En savoir plus » in full.

The line says what is collected and why; the details say who is responsible, how long each
kind is kept (the periods in force on this kiosk, :class:`kiosk.rgpd.notice.PrivacyTerms`),
the person's rights and whom to ask. The details cover the window as an overlay, so the flow
under them (a half-typed form) is not lost, and go away with the line (idle reset).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.rgpd.notice import Collection, PrivacyTerms, years_or_days
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton

translate = QCoreApplication.translate


def purpose(collection: Collection) -> str:
    """The short line: what is collected, for what."""
    texts = {
        Collection.VISITOR_FORM: translate(
            "Privacy",
            "Vos nom, organisme et courriel servent à votre laissez-passer et à la liste de "
            "présence de l’événement.",
        ),
        Collection.BADGE_FIRST_USE: translate(
            "Privacy",
            "Votre badge est relié à votre nom pour enregistrer vos arrivées\u202f; "
            "son numéro n’est jamais conservé en clair.",
        ),
        Collection.HELP_DESCRIPTION: translate(
            "Privacy", "Votre description sert à traiter votre demande d’aide."
        ),
        Collection.SIGNATURE: translate(
            "Privacy", "Votre signature prouve la remise du matériel à votre nom."
        ),
        Collection.VISITOR_SIGNUP: translate(
            "Privacy",
            "Vos nom, organisme et courriel servent à votre inscription, à votre accueil le "
            "jour venu et à la liste de présence de l’événement.",
        ),
    }
    return texts[collection]


def kind_label(kind: str) -> str:
    labels = {
        "visitors": translate("Privacy", "Visiteurs extérieurs (nom, organisme, courriel)"),
        "checkins": translate("Privacy", "Arrivées aux événements"),
        "refused_scans": translate(
            "Privacy", "Passages refusés (badge inconnu, billet non valable)"
        ),
        "help_requests": translate("Privacy", "Demandes d’aide et leur description"),
        "print_jobs": translate("Privacy", "Tickets imprimés"),
        "handovers": translate("Privacy", "Remises de matériel et signatures"),
        "space_visits": translate("Privacy", "Fréquentation des espaces"),
        "document_searches": translate("Privacy", "Recherches dans le kiosque numérique"),
        "sync_conflicts": translate("Privacy", "Conflits de synchronisation du Smart Tour"),
        "event_feedback": translate("Privacy", "Avis donnés après les événements"),
        "notices": translate(
            "Privacy", "Messages envoyés (place libérée, commande prête, demande refusée)"
        ),
    }
    return labels.get(kind, kind)


def duration(days: int) -> str:
    n, unit = years_or_days(days)
    if unit == "years":
        return (
            translate("Privacy", "1 an") if n == 1 else translate("Privacy", "{n} ans").format(n=n)
        )
    return (
        translate("Privacy", "1 jour") if n == 1 else translate("Privacy", "{n} jours").format(n=n)
    )


class PrivacyDetails(QFrame):
    """« Vos données personnelles »: the full information, over the whole window."""

    closed = Signal()

    def __init__(
        self,
        theme: ThemeController,
        collection: Collection,
        terms: PrivacyTerms,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDetails")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._collection = collection
        self._terms = terms
        self.title = named(QLabel(), "screenTitle")
        self.what = named(QLabel(), "privacyText")
        self.responsible = named(QLabel(), "privacyText")
        self.kept_title = named(QLabel(), "privacyHeading")
        self.kept = named(QLabel(), "privacyText")
        self.rights = named(QLabel(), "privacyText")
        for label in (self.what, self.responsible, self.kept, self.rights):
            label.setWordWrap(True)
        self.close_button = TouchButton(theme, "x", role="primary", icon_colour="on_accent")
        self.close_button.setObjectName("privacyClose")
        self.close_button.clicked.connect(self.close_details)
        card = named(QFrame(), "pinCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(64, 48, 64, 48)
        column.setSpacing(22)
        for widget in (self.title, self.what, self.responsible, self.kept_title, self.kept):
            column.addWidget(widget)
        column.addWidget(self.rights)
        column.addSpacing(8)
        column.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        # The card is as tall as its text, centred: on a portrait totem a full-height card
        # left two thirds of white under four short paragraphs.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(96, 72, 96, 72)
        outer.addStretch(1)
        outer.addWidget(card)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Privacy", "Vos données personnelles"))
        self.what.setText(purpose(self._collection))
        self.responsible.setText(
            translate(
                "Privacy",
                "Responsable\u202f: le Département, pour le fonctionnement du Smart Corner "
                "(mission de service public). Elles ne sont ni vendues ni transmises hors "
                "de ses services.",
            )
        )
        self.kept_title.setText(translate("Privacy", "Combien de temps elles sont gardées"))
        self.kept.setText(
            "\n".join(
                translate("Privacy", "• {what}\u202f: {how_long}").format(
                    what=kind_label(kind), how_long=duration(days)
                )
                for kind, days in self._terms.kept(self._collection)
            )
        )
        contact = self._terms.contact or translate(
            "Privacy", "le délégué à la protection des données du Département"
        )
        self.rights.setText(
            translate(
                "Privacy",
                "Vous pouvez y accéder, les faire corriger ou effacer, ou vous opposer à leur "
                "usage\u202f: adressez-vous à {contact}. Vous pouvez aussi saisir la CNIL "
                "(cnil.fr).",
            ).format(contact=contact)
        )
        self.close_button.setText(translate("Privacy", "Fermer"))

    def close_details(self) -> None:
        self.hide()
        self.closed.emit()
        self.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PrivacyLine(QWidget):
    """The short line under a form, with « En savoir plus »."""

    def __init__(
        self,
        theme: ThemeController,
        collection: Collection,
        terms: PrivacyTerms,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._collection = collection
        self._terms = terms
        self.details: PrivacyDetails | None = None
        self.text = named(QLabel(), "privacyLine")
        self.text.setWordWrap(True)
        self.more = TouchButton(theme, "shield-lock", role="secondary", icon_size=28)
        self.more.setObjectName("privacyMore")
        self.more.clicked.connect(self.show_details)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(20)
        row.addWidget(self.text, 1)
        row.addWidget(self.more)
        self.retranslate()

    def show_details(self) -> None:
        host = self.window()
        if self.details is None:
            self.details = PrivacyDetails(self._theme, self._collection, self._terms, host)
            self.details.closed.connect(self._forget)
            host.installEventFilter(self)
        self.details.setGeometry(host.rect())
        self.details.show()
        self.details.raise_()

    def _forget(self) -> None:
        self.window().removeEventFilter(self)
        self.details = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.details is not None:
            self.details.setGeometry(self.window().rect())
        return False

    def hideEvent(self, event: QHideEvent) -> None:
        """The form goes (done, idle reset): its details go with it."""
        super().hideEvent(event)
        if self.details is not None and not event.spontaneous():
            self.details.close_details()

    def retranslate(self) -> None:
        self.text.setText(purpose(self._collection))
        self.more.setText(translate("Privacy", "En savoir plus"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
