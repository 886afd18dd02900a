"""An external visitor's name, organisation and optional e-mail, with what the kiosk keeps of
them: for their pass at the door, or to sign up to an event open to visitors.

The on-screen keyboard types into whichever field was touched last. The caller names the form
and its button (:class:`FormWords`); nothing typed stays after :meth:`VisitorFormPanel.reset`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.people import VisitorForm
from kiosk.rgpd.notice import Collection, PrivacyTerms
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.kinetic import kinetic_page
from ui.widgets.privacy import PrivacyLine

translate = QCoreApplication.translate


@dataclass(frozen=True)
class FormWords:
    """The form's title and its button, translated when called (a language switch follows)."""

    title: Callable[[], str]
    save: Callable[[], str]
    save_icon: str = "printer"
    collection: Collection = Collection.VISITOR_FORM  # what the privacy line says it is for


def pass_words() -> FormWords:
    """The door's words: a visitor's pass, printed as they are admitted."""
    return FormWords(
        lambda: translate("Visitor", "Laissez-passer visiteur"),
        lambda: translate("Visitor", "Enregistrer et imprimer"),
    )


class VisitorFormPanel(QWidget):
    submitted = Signal(object)  # VisitorForm
    cancelled = Signal()

    def __init__(
        self,
        theme: ThemeController,
        privacy: PrivacyTerms,
        parent: QWidget | None = None,
        *,
        words: FormWords | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitorForm")
        self.words = words or pass_words()
        self.privacy = PrivacyLine(theme, self.words.collection, privacy)
        self.title = named(QLabel(), "doorSectionTitle")
        self.first_name = named(QLineEdit(), "visitorFirstName")
        self.last_name = named(QLineEdit(), "visitorLastName")
        self.organisation = named(QLineEdit(), "visitorOrganisation")
        self.email = named(QLineEdit(), "visitorEmail")
        self.fields = (self.first_name, self.last_name, self.organisation, self.email)
        self.labels = [named(QLabel(), "visitorLabel") for _ in self.fields]
        for field in self.fields:
            field.installEventFilter(self)
            field.textChanged.connect(self._validate)
        self.cancel = TouchButton(theme, "x", role="secondary")
        self.cancel.setObjectName("visitorCancel")
        self.cancel.clicked.connect(self.cancelled)
        self.save = TouchButton(
            theme, self.words.save_icon, role="primary", icon_colour="on_accent"
        )
        self.save.setObjectName("visitorSave")
        self.save.clicked.connect(self._submit)
        self.keyboard = OnScreenKeyboard(theme, auto_capitalise=True)
        self.keyboard.submitted.connect(self._next_field)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        for n, (label, field) in enumerate(zip(self.labels, self.fields, strict=True)):
            grid.addWidget(label, (n // 2) * 2, n % 2)
            grid.addWidget(field, (n // 2) * 2 + 1, n % 2)
        # The title above its buttons: beside them it left « Enregistrer et imprimer » too
        # narrow for its words on a portrait panel.
        self.title.setWordWrap(True)
        actions = QHBoxLayout()
        actions.setSpacing(20)
        actions.addStretch(1)
        actions.addWidget(self.cancel)
        actions.addWidget(self.save)
        head = QVBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.title)
        head.addLayout(actions)
        # The fields scroll above the keyboard rather than squeeze it: at 1366x768 in the
        # accessible theme the form asked ~865 px and the keyboard's rows ran into each other.
        fields = named(QWidget(), "visitorFields")
        body = QVBoxLayout(fields)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(20)
        body.addLayout(grid)
        body.addWidget(self.privacy)
        body.addStretch(1)
        self.scroll_area = kinetic_page(fields, "visitorScroll")
        column = QVBoxLayout(self)
        column.setContentsMargins(72, 32, 72, 32)
        column.setSpacing(20)
        column.addLayout(head)
        column.addWidget(self.scroll_area, 1)
        column.addWidget(self.keyboard)
        self.retranslate()
        self.reset()

    def form(self) -> VisitorForm:
        organisation = self.organisation.text().strip()
        return VisitorForm(
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            organisation=organisation[:1].upper() + organisation[1:],
            email=self.email.text().strip(),
        )

    def _validate(self) -> None:
        form = self.form()
        self.save.setEnabled(bool(form.first_name and form.last_name and form.organisation))

    def _submit(self) -> None:
        if self.save.isEnabled():
            self.submitted.emit(self.form())

    def _focus(self, field: QLineEdit) -> None:
        # Names take a capital on each word ("Jean-Marc Le Goff"); an organisation only its
        # first letter ("Mairie de Nice", at submission), an e-mail address none.
        self.keyboard.set_auto_capitalise(field in (self.first_name, self.last_name))
        self.keyboard.set_target(field)
        # « Suivant » brings the next field into sight where the fields scroll (short panels)
        self.scroll_area.ensureWidgetVisible(self.labels[self.fields.index(field)])
        self.scroll_area.ensureWidgetVisible(field)
        self.keyboard.set_action_label(
            translate("Visitor", "Suivant")
            if field is not self.email
            else translate("Visitor", "Terminé")
        )

    def _next_field(self) -> None:
        target = self.keyboard.target
        if target in self.fields and target is not self.email:
            following = self.fields[self.fields.index(target) + 1]
            following.setFocus()
            self._focus(following)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A touch on a field makes it the keyboard's target even when Qt gives no focus
        # event (the window is not the active one, e.g. right after a dialog elsewhere).
        touched = event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress)
        if touched and watched in self.fields:
            self._focus(watched)
        return False

    def reset(self) -> None:
        for field in self.fields:
            field.clear()
        self.keyboard.reset()
        self._focus(self.first_name)
        self.first_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._validate()

    def retranslate(self) -> None:
        self.title.setText(self.words.title())
        texts = (
            translate("Visitor", "Prénom"),
            translate("Visitor", "Nom"),
            translate("Visitor", "Organisme"),
            translate("Visitor", "Courriel (facultatif)"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.cancel.setText(translate("Visitor", "Annuler"))
        self.save.setText(self.words.save())
