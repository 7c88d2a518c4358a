import QtQuick
import QtQuick.Controls
import QtTest
import Countersign
import CountersignTest

// Text from servers is never markup. Each page and component is shown with hostile data (markup
// with an <img> on this test's server, a link, a right-to-left override, huge strings), with its
// dialogs, tooltips and popups open; then every text item in the window (Text, Label, TextEdit,
// TextArea, placeholders, tooltip contents, dialog headers) is checked: everything the app
// declares is Text.PlainText, and nothing else shows markup as rich text. No image is fetched.
// Quick Test runs the functions alphabetically: the components first, then the app's window
// (before sign-in, then signed in as alice at the sandbox).
TestCase {
    id: testCase

    readonly property string hostile: TestText.hostileText()
    // A long line of markup: 20,000 characters without a space, then the hostile text.
    readonly property string huge: "<i>" + "W".repeat(20000) + "</i>" + testCase.hostile
    // What an agent may put into a payment (the sandbox takes any text of up to 140 characters).
    readonly property string hostilePayment: JSON.stringify([{
        type: "payment_initiation",
        instructedAmount: { amount: "12.50", currency: "EUR" },
        creditorName: "<b>Erika</b> \u202Egnp.exe",
        creditorAccount: { iban: "DE89370400440532013000" },
        remittanceInformation: "<img src=\"" + TestText.pixelUrl + "\">"
    }])

    // How often the test server's image had been fetched when the test function began.
    property int fetchesBefore: 0

    width: 900
    height: 1400
    visible: true

    function child(parentItem: QtObject, objectName: string): QtObject {
        const item = findChild(parentItem, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    // The first visible item named `objectName` (a delegate's hidden twins share its name).
    function visibleChild(parentItem: QtObject, objectName: string): QtObject {
        let found = null;
        const visit = (item) => {
            if (found !== null)
                return;
            if (item.objectName === objectName && item.visible)
                found = item;
            for (let i = 0; i < item.children.length; ++i)
                visit(item.children[i]);
        };
        visit(parentItem);
        verify(found, "no visible child named " + objectName);
        return found;
    }

    // Every text item in `target`'s window is plain text, and the walk saw at least `atLeast` of them.
    function verifyPlainText(target: QtObject, what: string, atLeast: int): void {
        const found = TestText.notPlainText(target);
        verify(found.length === 0, what + ": " + found.length + " text items are not plain text:\n" + found.join("\n"));
        const count = TestText.textItems(target);
        verify(count >= atLeast, what + ": only " + count + " text items were seen");
    }

    // A text item in `target`'s window shows exactly `text`.
    function verifyShown(target: QtObject, text: string, what: string): void {
        tryVerify(() => TestText.texts(target).indexOf(text) >= 0, 5000, what + " is not shown as it is");
    }

    // No text in `target`'s window holds a raw direction override: server text is sanitized first
    // (it shows as "⟨U+202E⟩").
    function verifyNoHiddenCharacters(target: QtObject, what: string): void {
        const raw = TestText.texts(target).filter(t => t.indexOf("\u202E") >= 0);
        verify(raw.length === 0, what + ": a raw direction override reached the screen: " + raw.join(" | "));
    }

    function verifyNothingFetched(): void {
        wait(200); // a rich-text renderer fetches <img> asynchronously
        compare(TestText.fetches() - testCase.fetchesBefore, 0, "an <img src> in server text was fetched");
    }

    function init(): void {
        testCase.fetchesBefore = TestText.fetches();
    }

    function cleanup(): void {
        testCase.verifyNothingFetched();
    }

    // "Show all" opens the whole value in a dialog headed by the field's name; both come from the
    // server (the name is a key of an authorization_details object).
    function test_a_detailSectionsAndTheirShowAllDialog(): void {
        const view = createTemporaryObject(detailsComponent, testCase);
        const sections = testCase.child(view, "sections");
        testCase.verifyPlainText(view, "detail sections", 5);
        const showAll = testCase.visibleChild(sections, "showAllButton");
        waitForRendering(view);
        mouseClick(showAll);
        const dialog = view.dialog;
        tryVerify(() => dialog.opened, 5000, "the dialog did not open");
        testCase.verifyShown(view, testCase.hostile, "the dialog's heading");
        testCase.verifyPlainText(view, "the Show all dialog", 7);
        dialog.close();
        tryVerify(() => !dialog.visible);
    }

    // The raw scope shows in a tooltip on hover.
    function test_b_scopeListAndItsTooltip(): void {
        const list = createTemporaryObject(scopesComponent, testCase, {
            scopes: [{ scope: testCase.hostile, description: testCase.hostile },
                     { scope: testCase.huge, description: testCase.huge }]
        });
        const scope = testCase.child(list, "scopeText");
        waitForRendering(list);
        mouseMove(scope, 10, scope.height / 2);
        testCase.verifyShown(list, testCase.hostile, "the scope in its tooltip");
        testCase.verifyPlainText(list, "scope list with its tooltip", 4);
        mouseMove(testCase, testCase.width - 1, testCase.height - 1);
    }

    function test_c_errorsAndFields(): void {
        const box = createTemporaryObject(errorComponent, testCase);
        testCase.verifyShown(box, testCase.hostile, "the error");
        testCase.verifyPlainText(box, "error box and field", 3);
    }

    // Every kind of row of the agent's chat, each field hostile (in the app they pass the model's
    // sanitizer first; the page must not rely on it).
    function test_d_chatEntries(): void {
        const h = testCase.hostile;
        const shapes = [
            { kind: "text", text: h },
            { kind: "receipt", title: h, fields: [{ label: h, value: h }], omitted: 0 },
            { kind: "record", title: h, fields: [{ label: h, value: testCase.huge }], omitted: 2 },
            { kind: "timetable", title: h, times: [{ from: h, to: h, busy: true }], omitted: 0 },
            { kind: "list", title: h, items: [{ title: h, detail: h }], omitted: 0 },
            { kind: "tree", rows: [{ depth: 0, parent: -1, childCount: 1, name: h, value: "" },
                                   { depth: 1, parent: 0, childCount: 0, name: h, value: h }], omitted: 0 }
        ];
        const kinds = [
            { kind: "user" }, { kind: "assistant" }, { kind: "tool_call" },
            ...shapes.map(view => ({ kind: "tool_result", view: view })),
            { kind: "tool_result", isError: true },
            { kind: "interrupt", interruptType: "async_authorization" },
            { kind: "interrupt", interruptType: "device_authorization" },
            { kind: "interrupt", interruptType: "connect_account" },
            { kind: "interrupt", interruptType: testCase.hostile }
        ];
        for (const row of kinds) {
            for (const open of [true, false]) {
                const entry = chatEntryComponent.createObject(testCase, {
                    width: 700, index: 0, kind: row.kind, text: testCase.huge, toolName: h,
                    argumentRows: [{ name: h, value: h }, { name: testCase.huge, value: testCase.huge }],
                    resultSummary: h, resultView: row.view ?? ({}), isError: row.isError === true, callId: "call_1",
                    callState: open ? "waiting" : "failed", open: open, superseded: !open,
                    interruptType: row.interruptType ?? "", bindingMessage: h, userCode: h,
                    verificationUri: h, verificationUriComplete: h, connectionName: h, connectUri: h,
                    expiresAt: ""
                });
                verify(entry);
                const what = row.kind + " " + (row.interruptType ?? row.view?.kind ?? "") + (open ? " (open)" : " (closed)");
                testCase.verifyPlainText(entry, what, 1);
                entry.destroy();
            }
        }
        const bubble = createTemporaryObject(bubbleComponent, testCase);
        testCase.verifyPlainText(bubble, "streaming reply", 1);
    }

    // The app's window before sign-in: a provider that answers with markup in its error, then one
    // that hands out a user_code of markup for "Sign in with a code".
    function test_e_signInPageWithAProvidersErrorAndCode(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        tryVerify(() => !Session.restoring);
        compare(Session.state, Session.SignedOut);
        testCase.verifyPlainText(window, "sign-in page", 8);

        // The next function signs in at the sandbox: leave the form as it was, whatever happens.
        try {
            Session.provider.kind = ProviderForm.OpenIdProvider;
            Session.provider.issuerUrl = TestText.brokenIssuer;
            Session.provider.clientId = "countersign-test";
            verify(Session.signIn());
            tryVerify(() => Session.errorMessage !== "", 20000);
            verify(Session.errorMessage.indexOf("<img") >= 0, Session.errorMessage);
            testCase.verifyShown(window, Session.errorMessage, "the provider's error");
            testCase.verifyPlainText(window, "sign-in page with the provider's error", 8);
            testCase.verifyNoHiddenCharacters(window, "the provider's error");

            Session.clearError();
            Session.provider.issuerUrl = TestText.deviceIssuer;
            verify(Session.signInWithCode());
            tryVerify(() => Session.deviceUserCode !== "", 20000);
            testCase.verifyShown(window, Session.deviceUserCode, "the provider's code");
            testCase.verifyPlainText(window, "sign-in page with the provider's code", 8);
            testCase.verifyNoHiddenCharacters(window, "the provider's code");
        } finally {
            Session.cancelSignIn();
            tryCompare(Session, "state", Session.SignedOut, 10000);
            Session.clearError();
            Session.provider.kind = ProviderForm.Sandbox;
        }
    }

    // Signed in as alice: an agent's payment with markup and a direction override in the inbox,
    // its request page with the scope's tooltip, a device's code on the code page, the chat and
    // the account page.
    function test_f_signedInPages(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        window.height = 1800;
        tryVerify(() => !Session.restoring);
        mouseClick(testCase.child(window.contentItem, "signInButton"));
        tryVerify(() => Session.state === Session.SignedIn || Session.errorMessage !== "", 90000);
        compare(Session.errorMessage, "");
        tryVerify(() => Inbox.live, 20000);

        TestAgent.ask(Session.issuer, "Pay Erika 12.50 EUR", testCase.hostilePayment);
        tryCompare(Inbox.requests, "pendingCount", 1, 10000);
        const list = testCase.child(window.contentItem, "requestList");
        tryVerify(() => list.itemAtIndex(0) !== null);
        testCase.verifyPlainText(window, "inbox", 5);
        testCase.verifyNoHiddenCharacters(window, "inbox");

        waitForRendering(window.contentItem);
        mouseClick(list.itemAtIndex(0));
        const page = testCase.child(window.contentItem, "requestPage");
        tryVerify(() => page.visible && page.info.found && !testCase.child(window.contentItem, "inboxStack").busy);
        testCase.verifyPlainText(window, "request page", 15);
        verify(TestText.texts(window).some(t => t.indexOf("<b>Erika</b>") >= 0), "the creditor is not shown as it is");
        testCase.verifyNoHiddenCharacters(window, "request page");
        const scope = testCase.child(page, "scopeText");
        waitForRendering(window.contentItem);
        mouseMove(scope, 10, scope.height / 2);
        testCase.verifyShown(window, "openid", "the scope in its tooltip");
        testCase.verifyPlainText(window, "request page with the scope's tooltip", 16);

        TestDevice.start(Session.issuer, 2);
        tryVerify(() => TestDevice.userCode !== "", 20000);
        const deviceTab = testCase.child(window.contentItem, "deviceTab");
        mouseClick(deviceTab);
        const codePage = testCase.child(window.contentItem, "deviceCodePage");
        tryVerify(() => codePage.visible);
        testCase.child(window.contentItem, "codeField").text = TestDevice.userCode;
        const lookup = testCase.child(window.contentItem, "lookupButton");
        tryVerify(() => lookup.enabled);
        waitForRendering(window.contentItem);
        mouseClick(lookup);
        tryVerify(() => codePage.info.found, 10000);
        testCase.verifyPlainText(window, "device code page", 12);
        testCase.verifyNoHiddenCharacters(window, "device code page");

        mouseClick(testCase.child(window.contentItem, "agentTab"));
        tryVerify(() => testCase.child(window.contentItem, "chatPage").visible);
        testCase.verifyPlainText(window, "chat page", 3);

        mouseClick(testCase.child(window.contentItem, "accountTab"));
        tryVerify(() => testCase.child(window.contentItem, "signedInPage").visible);
        testCase.verifyPlainText(window, "account page", 10);
    }

    name: "PlainText"
    when: windowShown

    Component {
        id: detailsComponent

        Item {
            property alias dialog: fullText

            anchors.fill: parent

            FullTextDialog {
                id: fullText
                objectName: "fullText"
                width: 600
                height: 400
            }
            DetailSections {
                objectName: "sections"
                width: parent.width
                sections: [{
                    title: testCase.hostile, summary: testCase.huge, note: testCase.hostile, known: false,
                    fields: [
                        { label: testCase.hostile, value: testCase.hostile, fullValue: testCase.huge, truncated: true, depth: 0 },
                        { label: testCase.huge, value: testCase.huge, fullValue: testCase.huge, truncated: false, depth: 1 }
                    ]
                }]
                onShowAll: (heading, body) => fullText.show(heading, body)
            }
        }
    }

    Component {
        id: scopesComponent

        ScopeList {
            width: 600
        }
    }

    Component {
        id: errorComponent

        Column {
            width: 600

            ErrorBox {
                width: parent.width
                message: testCase.hostile
            }
            ErrorBox {
                width: parent.width
                message: testCase.huge
            }
            LabeledField {
                width: parent.width
                label: "Client ID"
                error: testCase.hostile
                showError: true
                text: testCase.hostile
            }
        }
    }

    Component {
        id: chatEntryComponent

        ChatEntry {}
    }

    Component {
        id: bubbleComponent

        ChatBubble {
            width: 600
            text: testCase.hostile
            streaming: true
        }
    }

    Component {
        id: mainComponent

        Main {}
    }
}
