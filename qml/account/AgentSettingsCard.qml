pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// Which backend answers in the agent pane: the rule-based demo (no network) or an
// OpenAI-compatible server. The key goes to the keychain; the field never shows a saved one.
ColumnLayout {
    id: card
    spacing: 10

    Label {
        text: qsTr("Agent")
        textFormat: Text.PlainText
        font.pixelSize: 18
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
    }

    ButtonGroup { id: choice }
    RadioButton {
        id: demoChoice
        objectName: "agentDemoChoice"
        text: qsTr("Rule-based demo agent (no language model, no network)")
        checked: AgentSettings.backend === "demo"
        ButtonGroup.group: choice
        Layout.fillWidth: true
    }
    RadioButton {
        id: openAiChoice
        objectName: "agentOpenAiChoice"
        text: qsTr("OpenAI-compatible server")
        checked: AgentSettings.backend === "openai"
        ButtonGroup.group: choice
        Layout.fillWidth: true
    }

    LabeledField {
        id: baseUrl
        objectName: "agentBaseUrl"
        label: qsTr("Base URL")
        placeholder: "https://api.openai.com/v1"
        text: AgentSettings.baseUrl
        visible: openAiChoice.checked
        Layout.fillWidth: true
    }
    LabeledField {
        id: model
        objectName: "agentModel"
        label: qsTr("Model")
        placeholder: "gpt-4o-mini"
        text: AgentSettings.model
        visible: openAiChoice.checked
        Layout.fillWidth: true
    }
    LabeledField {
        id: apiKey
        objectName: "agentApiKey"
        label: qsTr("API key")
        placeholder: AgentSettings.hasApiKey ? qsTr("Saved in the keychain; type to replace it") : ""
        visible: openAiChoice.checked
        input.echoMode: TextInput.Password
        Layout.fillWidth: true
    }

    Label {
        text: AgentSettings.environmentNote
        textFormat: Text.PlainText
        horizontalAlignment: Text.AlignLeft
        visible: text !== ""
        wrapMode: Text.Wrap
        color: Material.secondaryTextColor
        Layout.fillWidth: true
    }
    ErrorBox {
        message: AgentSettings.errorMessage
        visible: message !== ""
        Layout.fillWidth: true
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            objectName: "agentSettingsOutcome"
            text: AgentSettings.outcome
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            color: Material.secondaryTextColor
            Layout.fillWidth: true
        }
        ActionButton {
            objectName: "agentSettingsSave"
            text: qsTr("Save")
            enabled: !AgentSettings.busy
            Accessible.name: qsTr("Save the agent settings")
            onClicked: {
                AgentSettings.apply(openAiChoice.checked ? "openai" : "demo", baseUrl.text, model.text, apiKey.text);
                apiKey.text = "";
            }
        }
    }
}
