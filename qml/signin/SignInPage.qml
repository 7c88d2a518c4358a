pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// Choose where the account lives, sign in through the browser, and wait (or cancel) while the
// person finishes there. Enter signs in, Escape cancels.
FocusScope {
    id: page

    readonly property ProviderForm form: Session.provider
    readonly property bool waiting: Session.state === Session.SigningIn
    // After a press on Sign in, every field shows what is wrong with it.
    property bool attempted: false

    function submit(): void {
        if (page.waiting)
            return;
        page.attempted = true;
        if (!Session.signIn())
            page.focusFirstProblem();
    }

    function focusFirstProblem(): void {
        if (page.form.auth0DomainError !== "")
            domainField.input.forceActiveFocus();
        else if (page.form.issuerUrlError !== "")
            issuerField.input.forceActiveFocus();
        else if (page.form.clientIdError !== "")
            clientIdField.input.forceActiveFocus();
        else if (page.form.caFileError !== "")
            caFileField.input.forceActiveFocus();
    }

    function copyAuthorizationUrl(): void {
        urlField.selectAll();
        urlField.copy();
        urlField.deselect();
        copiedTip.show(qsTr("Address copied"), 2000);
    }

    focus: true
    implicitHeight: card.implicitHeight + 64

    Keys.onReturnPressed: page.submit()
    Keys.onEnterPressed: page.submit()
    Keys.onEscapePressed: Session.cancelSignIn()

    onWaitingChanged: {
        if (page.waiting)
            cancelButton.forceActiveFocus();
        else
            signInButton.forceActiveFocus();
    }

    Connections {
        target: page.form
        function onKindChanged(): void {
            page.attempted = false;
        }
    }

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

                Label {
                    text: qsTr("Sign in")
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: 26
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }

                Label {
                    text: qsTr("Countersign opens your web browser so you can sign in with your provider. Your password is never entered here.")
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    wrapMode: Text.Wrap
                    color: Material.secondaryTextColor
                    Layout.fillWidth: true
                }

                Label {
                    text: qsTr("Where is your account?")
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.weight: Font.Medium
                    topPadding: 6
                    Layout.fillWidth: true
                }

                ButtonGroup {
                    id: providerGroup
                }

                ColumnLayout {
                    spacing: 0
                    enabled: !Session.busy
                    Layout.fillWidth: true

                    RadioButton {
                        id: sandboxChoice
                        objectName: "providerSandbox"
                        text: qsTr("Local sandbox")
                        ButtonGroup.group: providerGroup
                        checked: page.form.kind === ProviderForm.Sandbox
                        onToggled: page.form.kind = ProviderForm.Sandbox
                        Accessible.name: text
                        Accessible.description: sandboxNote.text
                    }
                    Label {
                        id: sandboxNote
                        text: qsTr("A demo server on this computer, for trying things out.")
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        // Under the button's text; a layout margin, unlike padding, is mirrored.
                        Layout.leftMargin: sandboxChoice.indicator.width + sandboxChoice.spacing
                                           + (sandboxChoice.mirrored ? sandboxChoice.rightPadding : sandboxChoice.leftPadding)
                        topPadding: -8
                        bottomPadding: 4
                        wrapMode: Text.Wrap
                        font.pixelSize: 13
                        color: Material.secondaryTextColor
                        Layout.fillWidth: true
                    }
                    RadioButton {
                        objectName: "providerAuth0"
                        text: qsTr("Auth0")
                        ButtonGroup.group: providerGroup
                        checked: page.form.kind === ProviderForm.Auth0
                        onToggled: page.form.kind = ProviderForm.Auth0
                        Accessible.name: text
                    }
                    RadioButton {
                        objectName: "providerOther"
                        text: qsTr("Other OpenID provider")
                        ButtonGroup.group: providerGroup
                        checked: page.form.kind === ProviderForm.OpenIdProvider
                        onToggled: page.form.kind = ProviderForm.OpenIdProvider
                        Accessible.name: text
                    }
                }

                LabeledField {
                    id: domainField
                    objectName: "domainField"
                    visible: page.form.kind === ProviderForm.Auth0
                    enabled: !Session.busy
                    label: qsTr("Auth0 domain")
                    placeholder: qsTr("example.eu.auth0.com")
                    text: page.form.auth0Domain
                    error: page.form.auth0DomainError
                    showError: page.attempted
                    onEdited: text => page.form.auth0Domain = text
                    onAccepted: page.submit()
                    Layout.fillWidth: true
                }

                LabeledField {
                    id: issuerField
                    objectName: "issuerField"
                    visible: page.form.kind === ProviderForm.OpenIdProvider
                    enabled: !Session.busy
                    label: qsTr("Issuer URL")
                    placeholder: qsTr("https://login.example.com")
                    text: page.form.issuerUrl
                    error: page.form.issuerUrlError
                    showError: page.attempted
                    onEdited: text => page.form.issuerUrl = text
                    onAccepted: page.submit()
                    Layout.fillWidth: true
                }

                LabeledField {
                    id: clientIdField
                    objectName: "clientIdField"
                    visible: page.form.kind !== ProviderForm.Sandbox
                    enabled: !Session.busy
                    label: qsTr("Client ID")
                    placeholder: qsTr("As registered at your provider")
                    text: page.form.clientId
                    error: page.form.clientIdError
                    showError: page.attempted
                    onEdited: text => page.form.clientId = text
                    onAccepted: page.submit()
                    Layout.fillWidth: true
                }

                LabeledField {
                    id: audienceField
                    objectName: "audienceField"
                    visible: page.form.kind === ProviderForm.Auth0
                    enabled: !Session.busy
                    label: qsTr("API audience (optional)")
                    placeholder: qsTr("https://api.example.com")
                    text: page.form.audience
                    onEdited: text => page.form.audience = text
                    onAccepted: page.submit()
                    Layout.fillWidth: true
                }

                LabeledField {
                    id: caFileField
                    objectName: "caFileField"
                    visible: page.form.kind !== ProviderForm.Sandbox
                    enabled: !Session.busy
                    label: qsTr("CA certificate file (optional)")
                    placeholder: qsTr("Only for a private or test certificate: /path/to/ca.pem")
                    text: page.form.caFile
                    error: page.form.caFileError
                    showError: page.attempted
                    onEdited: text => page.form.caFile = text
                    onAccepted: page.submit()
                    Layout.fillWidth: true
                }

                ErrorBox {
                    objectName: "errorBox"
                    message: Session.errorMessage
                    visible: message !== ""
                    Layout.fillWidth: true
                }

                ActionButton {
                    id: signInButton
                    objectName: "signInButton"
                    visible: !page.waiting
                    enabled: !Session.busy
                    text: qsTr("Sign in")
                    highlighted: true
                    Layout.fillWidth: true
                    Layout.topMargin: 6
                    Accessible.name: text
                    Accessible.description: qsTr("Opens your web browser to sign in")
                    onClicked: page.submit()
                }

                Button {
                    objectName: "signInWithCodeButton"
                    visible: !page.waiting
                    enabled: !Session.busy && Session.provider.valid
                    text: qsTr("Sign in with a code")
                    flat: true
                    Layout.alignment: Qt.AlignHCenter
                    Accessible.name: text
                    Accessible.description: qsTr("Shows a code to enter on another device with a browser")
                    onClicked: Session.signInWithCode()
                }

                ColumnLayout {
                    objectName: "waitingPanel"
                    visible: page.waiting
                    spacing: 10
                    Layout.fillWidth: true
                    Layout.topMargin: 6

                    RowLayout {
                        spacing: 12
                        Layout.fillWidth: true

                        BusyIndicator {
                            running: page.waiting
                            implicitWidth: 36
                            implicitHeight: 36
                            Accessible.ignored: true
                        }
                        Label {
                            objectName: "waitingLabel"
                            text: Session.deviceUserCode !== "" ? qsTr("On any device with a browser, open the address below, sign in and enter this code:")
                                : Session.authorizationUrl === "" ? qsTr("Contacting the provider…")
                                : qsTr("Waiting for you to finish signing in in your browser…")
                            textFormat: Text.PlainText
                            horizontalAlignment: Text.AlignLeft
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                        }
                    }

                    // Signing in with a code: the code, big, and where to enter it.
                    TextEdit {
                        objectName: "deviceUserCode"
                        visible: Session.deviceUserCode !== ""
                        text: Session.deviceUserCode
                        textFormat: TextEdit.PlainText
                        readOnly: true
                        selectByMouse: true
                        font.pixelSize: 30
                        font.family: "monospace"
                        font.letterSpacing: 2
                        horizontalAlignment: TextEdit.AlignHCenter
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Code: %1").arg(text.split("").join(" "))
                    }
                    TextField {
                        objectName: "deviceVerificationUri"
                        visible: Session.deviceUserCode !== ""
                        text: Session.deviceVerificationUri
                        readOnly: true
                        selectByMouse: true
                        horizontalAlignment: TextInput.AlignHCenter
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Address to open")
                    }

                    Label {
                        visible: Session.authorizationUrl !== ""
                        text: qsTr("If your browser did not open, copy this address into it:")
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        wrapMode: Text.Wrap
                        font.pixelSize: 13
                        color: Material.secondaryTextColor
                        Layout.fillWidth: true
                    }

                    RowLayout {
                        visible: Session.authorizationUrl !== ""
                        spacing: 8
                        Layout.fillWidth: true

                        TextField {
                            id: urlField
                            objectName: "authorizationUrlField"
                            text: Session.authorizationUrl
                            readOnly: true
                            // Show where the address starts (the host), not its tail.
                            onTextChanged: urlField.cursorPosition = 0
                            selectByMouse: true
                            font.pixelSize: 13
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Sign-in address")
                        }
                        Button {
                            objectName: "copyUrlButton"
                            text: qsTr("Copy")
                            flat: true
                            Accessible.name: qsTr("Copy sign-in address")
                            onClicked: page.copyAuthorizationUrl()
                            PlainToolTip {
                                id: copiedTip
                            }
                        }
                    }

                    ActionButton {
                        id: cancelButton
                        objectName: "cancelButton"
                        text: qsTr("Cancel")
                        Layout.alignment: Qt.AlignRight
                        Accessible.name: qsTr("Cancel sign-in")
                        onClicked: Session.cancelSignIn()
                    }
                }
            }
        }
    }
}
