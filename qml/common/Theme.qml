pragma Singleton
import QtQuick

// The colours and sizes the pages share, named once. Material (light, indigo; see
// resources/qtquickcontrols2.conf) gives the rest: accent, text colours, the red/green of outcomes.
QtObject {
    // Behind every page.
    readonly property color window: "#f3f4f8"
    // A card, a bubble, a bar: the surfaces that sit on the window.
    readonly property color surface: "white"
    // A card's or a bubble's outline.
    readonly property color cardBorder: "#dfe2ec"
    // The line under the chat's header and above its composer.
    readonly property color barBorder: "#e3e5ee"
    // A card in a list while it is pressed.
    readonly property color cardPressed: "#eef0f7"
    // A button that is not the page's main action.
    readonly property color button: "#e8eaf2"

    readonly property int cardRadius: 8
    // Inside a card of a request (who asks, details, scopes, the decision).
    readonly property int cardPadding: 20
    // Between the cards of a page.
    readonly property int pageSpacing: 14
    // The widest a column of request cards grows (inbox list, one request, device codes).
    readonly property int contentWidth: 640
    // The widest the sign-in and account cards grow.
    readonly property int narrowWidth: 480
    // From this width on, the inbox shows the open request beside the list.
    readonly property int sideBySideWidth: 960
    // The list's width when a request shows beside it.
    readonly property int sideListWidth: 400
}
