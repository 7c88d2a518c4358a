pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// Who is signed in, and where; signing out ends the session at the provider and on this computer.
FocusScope {
    id: page

    readonly property bool signingOut: Session.state === Session.SigningOut
    readonly property string displayName: Session.name !== "" ? Session.name : Session.email

    function initials(text: string): string {
        const words = text.split(/[\s@.]+/).filter(word => word.length > 0);
        if (words.length === 0)
            return "?";
        if (words.length === 1)
            return words[0].charAt(0).toUpperCase();
        return (words[0].charAt(0) + words[1].charAt(0)).toUpperCase();
    }

    focus: true

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth

        Pane {
            id: card
            width: Math.min(Theme.narrowWidth, scroller.availableWidth - 48)
            x: (scroller.availableWidth - width) / 2
            y: 24
            padding: 28

            background: CardBackground {}

            ColumnLayout {
                anchors.fill: parent
                spacing: 14

                RowLayout {
                    spacing: 16
                    Layout.fillWidth: true

                    Rectangle {
                        implicitWidth: 64
                        implicitHeight: 64
                        radius: 32
                        color: Material.color(Material.Indigo, Material.Shade100)
                        Accessible.ignored: true

                        Label {
                            anchors.centerIn: parent
                            text: page.initials(page.displayName)
                            textFormat: Text.PlainText
                            font.pixelSize: 24
                            font.weight: Font.DemiBold
                            color: Material.color(Material.Indigo, Material.Shade800)
                        }
                    }

                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true

                        Label {
                            text: qsTr("Signed in as")
                            textFormat: Text.PlainText
                            font.pixelSize: 13
                            color: Material.secondaryTextColor
                        }
                        Label {
                            objectName: "nameLabel"
                            text: page.displayName
                            textFormat: Text.PlainText
                            horizontalAlignment: Text.AlignLeft
                            font.pixelSize: 24
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                            Accessible.role: Accessible.Heading
                            Accessible.name: qsTr("Signed in as %1").arg(text)
                        }
                    }
                }

                MenuSeparator {
                    Layout.fillWidth: true
                    Accessible.ignored: true
                }

                GridLayout {
                    columns: 2
                    columnSpacing: 16
                    rowSpacing: 10
                    Layout.fillWidth: true

                    Label {
                        text: qsTr("Name")
                        textFormat: Text.PlainText
                        color: Material.secondaryTextColor
                        visible: Session.name !== ""
                    }
                    Label {
                        objectName: "nameValue"
                        text: Session.name
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        visible: Session.name !== ""
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Name: %1").arg(text)
                    }

                    Label {
                        text: qsTr("Email")
                        textFormat: Text.PlainText
                        color: Material.secondaryTextColor
                        visible: Session.email !== ""
                    }
                    Label {
                        objectName: "emailValue"
                        text: Session.email
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        visible: Session.email !== ""
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Email: %1").arg(text)
                    }

                    Label {
                        text: qsTr("Provider")
                        textFormat: Text.PlainText
                        color: Material.secondaryTextColor
                    }
                    Label {
                        objectName: "issuerValue"
                        text: Session.issuer
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Provider: %1").arg(text)
                    }
                }

                ErrorBox {
                    message: Session.errorMessage
                    visible: message !== ""
                    Layout.fillWidth: true
                }

                RowLayout {
                    spacing: 12
                    Layout.fillWidth: true
                    Layout.topMargin: 6

                    BusyIndicator {
                        visible: page.signingOut
                        running: page.signingOut
                        implicitWidth: 32
                        implicitHeight: 32
                        Accessible.ignored: true
                    }
                    Label {
                        visible: page.signingOut
                        text: qsTr("Signing out…")
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        Layout.fillWidth: true
                    }
                    Item {
                        visible: !page.signingOut
                        Layout.fillWidth: true
                    }
                    ActionButton {
                        id: signOutButton
                        objectName: "signOutButton"
                        text: qsTr("Sign out")
                        enabled: !Session.busy
                        focus: true
                        Accessible.name: text
                        Accessible.description: qsTr("Ends the session at the provider and deletes it from this computer")
                        onClicked: Session.signOut()
                    }
                }

                MenuSeparator {
                    Layout.fillWidth: true
                    Accessible.ignored: true
                }

                AgentSettingsCard {
                    Layout.fillWidth: true
                }

                MenuSeparator {
                    Layout.fillWidth: true
                    Accessible.ignored: true
                }

                DesktopSettingsCard {
                    Layout.fillWidth: true
                }
            }
        }
    }
}
