import QtQuick
import QtTest
import Countersign
import CountersignTest

// The app's window in Arabic (LANGUAGE=ar, as a person's system would say): the translation asks
// for right to left, and the whole window is mirrored — the sign-in choices, the tabs, the inbox
// rows, a request's fields and its way back. English text from the server keeps its own letters
// and order but stands at the start of its line, on the right. Quick Test runs the functions
// alphabetically: test_a_ shows the sign-in page, test_b_ signs alice in.
TestCase {
    id: testCase

    function child(parentItem: QtObject, objectName: string): QtObject {
        const item = findChild(parentItem, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    // Where the middle of `item` lies across the window, in window pixels from the left.
    function middleX(item: Item, window: QtObject): real {
        return item.mapToItem(window.contentItem, item.width / 2, 0).x;
    }

    function test_a_theSignInPageIsArabicAndMirrored(): void {
        compare(Qt.application.layoutDirection, Qt.RightToLeft, "the Arabic translation says RTL");
        const window = createTemporaryObject(mainComponent, testCase);
        verify(window);
        tryVerify(() => !Session.restoring);
        const page = testCase.child(window.contentItem, "signInPage");
        tryVerify(() => page.visible);
        waitForRendering(window.contentItem);

        compare(testCase.child(page, "signInButton").text, "تسجيل الدخول");
        // A radio button's circle stands at the start of its text: on the right.
        const sandbox = testCase.child(page, "providerSandbox");
        verify(sandbox.mirrored, "the radio button is not mirrored");
        verify(testCase.middleX(sandbox.indicator, window) > testCase.middleX(sandbox.contentItem, window),
               "the radio button's circle is not right of its text");
        verify(testCase.middleX(sandbox.indicator, window) > window.width / 2,
               "the radio button's circle is not in the right half");
    }

    function test_b_theSignedInWindowIsMirrored(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        window.height = 1800; // the whole request page fits
        tryVerify(() => !Session.restoring);
        if (Session.state !== Session.SignedIn) {
            mouseClick(testCase.child(window.contentItem, "signInButton"));
            tryVerify(() => Session.state === Session.SignedIn || Session.errorMessage !== "", 90000);
            compare(Session.state, Session.SignedIn, Session.errorMessage);
        }
        tryVerify(() => Inbox.live, 20000);

        // The tabs read from right to left: Inbox first, on the right.
        const tabs = ["inboxTab", "agentTab", "deviceTab", "accountTab"].map(name => testCase.child(window.contentItem, name));
        tryVerify(() => tabs.every(tab => tab.width > 0));
        compare(tabs[0].text, "صندوق الوارد");
        for (let i = 1; i < tabs.length; ++i)
            verify(testCase.middleX(tabs[i - 1], window) > testCase.middleX(tabs[i], window),
                   tabs[i - 1].objectName + " is not right of " + tabs[i].objectName);
        verify(testCase.middleX(tabs[0], window) > window.width * 3 / 4, "the Inbox tab is not at the right");

        // A request whose text is English: it stays as it was sent, aligned to the right.
        TestAgent.ask(Session.issuer, "Pay invoice 42", JSON.stringify([{
            type: "payment_initiation", instructedAmount: { amount: "123.45", currency: "EUR" },
            creditorName: "Merchant A.G.", creditorAccount: { iban: "DE89370400440532013000" } }]));
        const list = testCase.child(window.contentItem, "requestList");
        tryVerify(() => list.count > 0, 10000);
        list.positionViewAtBeginning();
        tryVerify(() => list.itemAtIndex(0) !== null);
        const row = list.itemAtIndex(0);
        const message = testCase.child(row, "bindingMessage");
        compare(message.text, "Pay invoice 42");
        compare(message.effectiveHorizontalAlignment, Text.AlignRight);
        const client = testCase.child(row, "clientName");
        const status = testCase.child(row, "statusLabel");
        verify(testCase.middleX(client, window) > testCase.middleX(status, window),
               "the client's name is not right of the request's status");

        // Opened: the way back is on the right, each field's name right of its value.
        waitForRendering(window.contentItem);
        mouseClick(row);
        const stack = testCase.child(window.contentItem, "inboxStack");
        tryVerify(() => !stack.busy);
        const page = testCase.child(window.contentItem, "requestPage");
        tryVerify(() => page.visible && page.info.found);
        const back = testCase.child(page, "backButton");
        verify(testCase.middleX(back, window) > window.width / 2, "the back button is not on the right");
        const fieldLabel = testCase.child(page, "fieldLabel");
        const fieldValue = testCase.child(page, "fieldValue");
        verify(testCase.middleX(fieldLabel, window) > testCase.middleX(fieldValue, window),
               "a field's name is not right of its value");
        mouseClick(back);
        tryVerify(() => !stack.busy && stack.depth === 1);
    }

    name: "RightToLeft"
    when: windowShown

    Component {
        id: mainComponent

        Main {}
    }
}
