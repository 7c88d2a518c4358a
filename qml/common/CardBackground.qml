pragma ComponentBehavior: Bound
import QtQuick
import Countersign

// The white, rounded, outlined background of a card (a Pane's `background`).
Rectangle {
    radius: Theme.cardRadius
    color: Theme.surface
    border.color: Theme.cardBorder
}
