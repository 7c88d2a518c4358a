pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Material
import Countersign

// A card for what a call waits on (an approval, a device code, an account to connect): amber while
// it still waits, grey once it does not. `key` names its items: the open card of a call is named
// after the call alone, an earlier one also after its row.
ChatCard {
    id: card

    required property int index
    required property string callId
    // A newer wait of the same call took this one's place.
    required property bool superseded
    readonly property string key: card.open ? card.callId : card.callId + "_" + card.index

    accent: card.open ? Material.color(Material.Amber, Material.Shade700) : Material.color(Material.Grey)
}
