"""The programme on screen: agenda, event cards, the attract screen's feed."""
