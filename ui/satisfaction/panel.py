"""« Comment était … ? » as the attract screen shows it: the question with four faces, then
« Merci » with the optional one-word reason (preset chips: nothing personal is typed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.satisfaction.faces import Face, Reason
from kiosk.satisfaction.service import FeedbackQuestion
from ui.formatting import in_english
from ui.satisfaction.faces import FaceButton, reason_word
from ui.speech.phrase import Phrase, phrases
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton


class FeedbackPanel(QFrame):
    face_chosen = Signal(object)  # Face
    reason_chosen = Signal(object)  # Reason
    finished = Signal()  # « Terminé »

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        px = theme.tokens.px
        self.question: FeedbackQuestion | None = None
        self.title = named(QLabel(wordWrap=True), "feedbackQuestion")
        self.hint = named(QLabel(wordWrap=True), "feedbackHint")
        self.faces = [FaceButton(face, theme) for face in Face]
        faces_row = QHBoxLayout()
        faces_row.setSpacing(px(12))
        for button in self.faces:
            button.clicked.connect(lambda _=False, f=button.face: self.face_chosen.emit(f))
            faces_row.addWidget(button, 1)
        asking = QWidget()
        ask = QVBoxLayout(asking)
        ask.setContentsMargins(0, 0, 0, 0)
        ask.setSpacing(px(28))
        ask.addStretch(1)
        ask.addWidget(self.title)
        ask.addLayout(faces_row)
        ask.addWidget(self.hint)
        ask.addStretch(1)

        self.thanks = named(QLabel(wordWrap=True), "feedbackThanks")
        self.badge_hint = named(QLabel(wordWrap=True), "feedbackHint")
        self.why = named(QLabel(wordWrap=True), "feedbackHint")
        self.reasons = [TouchButton(theme, role="secondary") for _ in Reason]
        chips = QGridLayout()
        chips.setSpacing(px(16))
        for n, (chip, reason) in enumerate(zip(self.reasons, Reason, strict=True)):
            chip.setObjectName("feedbackReason")
            chip.setProperty("reason", reason.value)
            chip.clicked.connect(lambda _=False, r=reason: self.reason_chosen.emit(r))
            chips.addWidget(chip, n // 3, n % 3)
        self.done = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.done.clicked.connect(self.finished.emit)
        thanking = QWidget()
        thank = QVBoxLayout(thanking)
        thank.setContentsMargins(0, 0, 0, 0)
        thank.setSpacing(px(24))
        thank.addStretch(1)
        thank.addWidget(self.thanks)
        thank.addWidget(self.badge_hint)
        thank.addWidget(self.why)
        thank.addLayout(chips)
        thank.addWidget(self.done, 0, Qt.AlignmentFlag.AlignRight)
        thank.addStretch(1)

        self.message = named(QLabel(wordWrap=True), "feedbackThanks")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedLayout()
        for page in (asking, thanking, self.message):
            self._pages.addWidget(page)
        self._asking, self._thanking = asking, thanking
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(40), px(48), px(40))
        outer.addLayout(self._pages)
        self._badges = True
        self.retranslate()

    # -- pages ----------------------------------------------------------------------------

    def ask(self, question: FeedbackQuestion) -> None:
        self.question = question
        self._badges = not question.badges_check_in
        self._pages.setCurrentWidget(self._asking)
        self.retranslate()

    def thank(self, *, badges: bool) -> None:
        """After a face: « Merci », the badge to tap (when it may name the answer), the reasons."""
        self._badges = badges
        self._pages.setCurrentWidget(self._thanking)
        self.retranslate()

    def say(self, text: str) -> None:
        """A last word before asking again (« Merci », « déjà compté »)."""
        self.message.setText(text)
        self._pages.setCurrentWidget(self.message)

    def spoken(self) -> list[Phrase]:
        """What the accessible mode reads of the page shown (the attract screen asks for it)."""
        if self.asking:
            return phrases(self.title.text(), *(b.text() for b in self.faces), self.hint.text())
        if self.thanking:
            shown = (self.thanks, self.badge_hint, self.why)
            texts = [label.text() for label in shown if label.isVisibleTo(self)]
            return phrases(*texts, *(chip.text() for chip in self.reasons), self.done.text())
        return phrases(self.message.text())

    @property
    def asking(self) -> bool:
        return self._pages.currentWidget() is self._asking

    @property
    def thanking(self) -> bool:
        return self._pages.currentWidget() is self._thanking

    def retranslate(self) -> None:
        question = self.question
        title = question.title_in(in_english()) if question is not None else ""
        self.title.setText(
            self.tr("Comment était «\u202f{title}\u202f»\u202f?").format(title=title)
        )
        self.hint.setText(
            self.tr(
                "Touchez un visage. Passez ensuite votre badge pour que votre avis ne compte "
                "qu’une fois (facultatif)."
            )
            if self._badges
            else self.tr("Touchez un visage\u202f: votre avis reste anonyme.")
        )
        for face in self.faces:
            face.retranslate()
        self.thanks.setText(self.tr("Merci pour votre avis\u202f!"))
        self.badge_hint.setText(
            self.tr("Passez votre badge maintenant pour qu’il ne compte qu’une fois.")
        )
        self.badge_hint.setVisible(self._badges)
        self.why.setText(self.tr("Un mot pour dire pourquoi\u202f? (facultatif)"))
        for chip, reason in zip(self.reasons, Reason, strict=True):
            chip.setText(reason_word(reason))
        self.done.setText(self.tr("Terminé"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # A tap on the panel between its buttons must not leave the attract screen for the home one.
    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
