import QtQuick
import QtTest
import Countersign
import CountersignTest

// The inbox in the app's window, end to end: alice signs in (headless Chromium), an agent asks
// for her approval through the sandbox, the request appears live with a badge, its details show
// field by field as plain text (hostile markup and a direction override included), and her
// decision (approve, or deny with a reason) reaches the agent.
// Quick Test runs functions alphabetically; test_a_ starts from an empty inbox.
TestCase {
    id: testCase

    // A payment whose creditor name carries markup and a right-to-left override: the sandbox lets
    // both through (any text up to 140 characters), so the app must show them harmlessly.
    readonly property string hostilePayment: JSON.stringify([{
        type: "payment_initiation",
        instructedAmount: { amount: "1234.50", currency: "EUR" },
        creditorName: "<b>Erika</b> \u202Egnp.exe",
        creditorAccount: { iban: "DE89370400440532013000" },
        remittanceInformation: "<img src=x onerror=alert(1)>"
    }])
    readonly property string trade: JSON.stringify([{ type: "trade_authorization", action: "buy", ticker: "ACME", qty: 3 }])

    function child(parentItem: QtObject, objectName: string): QtObject {
        const item = findChild(parentItem, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    function texts(parentItem: QtObject, objectName: string): list<string> {
        const found = [];
        const visit = (item) => {
            if (item.objectName === objectName)
                found.push(item.text);
            for (let i = 0; i < item.children.length; ++i)
                visit(item.children[i]);
        };
        visit(parentItem);
        return found;
    }

    // Signs in unless an earlier test function already did (the Session outlives windows).
    function signIn(window: QtObject): void {
        window.height = 1800; // the whole request page fits: clicks land on what they aim at
        tryVerify(() => !Session.restoring);
        if (Session.state === Session.SignedIn)
            return;
        mouseClick(testCase.child(window.contentItem, "signInButton"));
        tryVerify(() => Session.state === Session.SignedIn || Session.errorMessage !== "", 90000);
        compare(Session.errorMessage, "");
        tryVerify(() => Inbox.live, 20000);
    }

    function openNewest(window: QtObject): QtObject {
        const list = testCase.child(window.contentItem, "requestList");
        tryVerify(() => list.count > 0, 10000);
        list.positionViewAtBeginning();
        tryVerify(() => list.itemAtIndex(0) !== null);
        const row = list.itemAtIndex(0);
        mouseClick(row);
        const stack = testCase.child(window.contentItem, "inboxStack");
        tryVerify(() => !stack.busy); // the push transition is over: clicks land where aimed
        const page = testCase.child(window.contentItem, "requestPage");
        tryVerify(() => page.visible && page.info.found);
        return page;
    }

    function test_a_requestArrivesLiveShowsPlainTextAndApprovalReachesTheAgent(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        signIn(window);
        tryVerify(() => testCase.child(window.contentItem, "emptyState").visible);
        compare(testCase.child(window.contentItem, "inboxBadge").visible, false);

        TestAgent.ask(Session.issuer, "Pay Erika 1234.50 EUR", testCase.hostilePayment);
        tryCompare(Inbox.requests, "pendingCount", 1, 10000);
        compare(testCase.child(window.contentItem, "inboxBadgeText").text, "1");
        // The list view counts its new row on its next update, not at once with the model.
        tryCompare(testCase.child(window.contentItem, "emptyState"), "visible", false);

        const page = openNewest(window);
        compare(testCase.child(page, "clientName").text, "Demo Agent");
        compare(testCase.child(page, "bindingMessage").text, "Pay Erika 1234.50 EUR");
        // The time left counts down to the request's expiry (Countdown.secondsUntil()).
        const timeLeft = testCase.child(page, "timeLeft");
        verify(/^\d+:\d\d left, until /.test(timeLeft.text), timeLeft.text);
        const before = timeLeft.text;
        tryVerify(() => timeLeft.text !== before, 3000, "the time left does not count down");
        const values = texts(page, "fieldValue");
        verify(values.some(v => v.indexOf("<b>Erika</b>") >= 0), JSON.stringify(values));
        verify(values.some(v => v.indexOf("⟨U+202E⟩") >= 0), JSON.stringify(values));
        verify(values.every(v => v.indexOf("\u202E") < 0), "a raw direction override reached the screen");
        verify(values.some(v => v.indexOf("<img src=x onerror=alert(1)>") >= 0), JSON.stringify(values));
        verify(values.some(v => v.indexOf("DE•• •••• •••• •••• ••30 00") >= 0) && values.every(v => v.indexOf("0532") < 0), "IBAN masked: " + JSON.stringify(values));
        verify(texts(page, "scopeText").length > 0);

        const approve = testCase.child(page, "approveButton");
        verify(approve.visible && approve.enabled);
        mouseClick(approve);
        tryVerify(() => testCase.child(page, "outcome").visible || page.failure !== "", 10000);
        compare(page.failure, "");
        compare(page.info.status, "approved");
        tryVerify(() => TestAgent.outcome !== "", 20000);
        verify(TestAgent.outcome.startsWith("approved "), TestAgent.outcome);
        const granted = JSON.parse(TestAgent.outcome.substring("approved ".length));
        compare(granted[0].creditorName, "<b>Erika</b> \u202Egnp.exe");
        compare(Inbox.requests.pendingCount, 0);
    }

    function test_b_denyWithAReasonAndTheAgentIsTold(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        signIn(window);
        const waiting = Inbox.requests.pendingCount;
        TestAgent.ask(Session.issuer, "Buy 3 ACME #K1", testCase.trade);
        tryCompare(Inbox.requests, "pendingCount", waiting + 1, 10000);
        const page = openNewest(window);
        compare(testCase.child(page, "bindingMessage").text, "Buy 3 ACME #K1");
        testCase.child(page, "reasonField").text = "Not <i>now</i>";
        mouseClick(testCase.child(page, "denyButton"));
        tryVerify(() => page.info.status === "denied", 10000);
        compare(page.info.reason, "Not <i>now</i>");
        tryCompare(TestAgent, "outcome", "denied", 20000);

        // Back to the list: the decided request stays as history until dismissed.
        mouseClick(testCase.child(page, "backButton"));
        const list = testCase.child(window.contentItem, "requestList");
        tryVerify(() => list.visible && !testCase.child(window.contentItem, "inboxStack").busy);
        const before = list.count;
        tryVerify(() => list.itemAtIndex(0) !== null);
        const row = list.itemAtIndex(0);
        compare(row.status, "denied");
        mouseClick(testCase.child(row, "dismissButton"));
        tryCompare(list, "count", before - 1);
    }

    // The request page's shortcuts, typed into the app's window: Escape goes back to the list,
    // Ctrl+D denies, Ctrl+Return approves, and each decision reaches the agent.
    function test_c_keyboardShortcutsDecideAndGoBack(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        signIn(window);
        window.requestActivate();
        tryVerify(() => window.active);
        const stack = testCase.child(window.contentItem, "inboxStack");

        TestAgent.ask(Session.issuer, "Buy 3 ACME #K2", testCase.trade);
        const list = testCase.child(window.contentItem, "requestList");
        const newestIs = (message) => list.itemAtIndex(0) !== null && list.itemAtIndex(0).bindingMessage === message;
        tryVerify(() => newestIs("Buy 3 ACME #K2"), 10000);
        let page = openNewest(window);
        compare(testCase.child(page, "bindingMessage").text, "Buy 3 ACME #K2");
        verify(TestKeyboard.click(window, Qt.Key_Escape));
        tryVerify(() => stack.depth === 1 && !stack.busy);
        compare(list.visible, true);

        page = openNewest(window);
        compare(testCase.child(page, "bindingMessage").text, "Buy 3 ACME #K2");
        verify(TestKeyboard.click(window, Qt.Key_D, Qt.ControlModifier));
        tryVerify(() => page.info.status === "denied", 10000);
        tryCompare(TestAgent, "outcome", "denied", 20000);
        verify(TestKeyboard.click(window, Qt.Key_Escape));
        tryVerify(() => stack.depth === 1 && !stack.busy);

        TestAgent.ask(Session.issuer, "Buy 3 ACME #K3", testCase.trade);
        tryVerify(() => newestIs("Buy 3 ACME #K3"), 10000);
        page = openNewest(window);
        compare(testCase.child(page, "bindingMessage").text, "Buy 3 ACME #K3");
        verify(TestKeyboard.click(window, Qt.Key_Return, Qt.ControlModifier));
        tryVerify(() => page.info.status === "approved", 10000);
        tryVerify(() => TestAgent.outcome.startsWith("approved "), 20000);
        compare(JSON.parse(TestAgent.outcome.substring("approved ".length))[0].qty, 3);
    }

    // Wide, the open request shows beside the list; it follows the window when it narrows or widens.
    function test_d_aWideWindowShowsTheRequestBesideTheList(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        signIn(window);
        window.width = 1200;
        window.requestActivate();
        tryVerify(() => window.active);
        const stack = testCase.child(window.contentItem, "inboxStack");
        const list = testCase.child(window.contentItem, "requestList");
        const detail = testCase.child(window.contentItem, "inboxDetail");
        tryVerify(() => detail.visible);
        tryVerify(() => testCase.child(window.contentItem, "noRequestOpen").visible);

        TestAgent.ask(Session.issuer, "Buy 3 ACME #W1", testCase.trade);
        tryVerify(() => list.itemAtIndex(0) !== null && list.itemAtIndex(0).bindingMessage === "Buy 3 ACME #W1", 10000);
        list.positionViewAtBeginning();
        mouseClick(list.itemAtIndex(0));
        let page = findChild(detail, "requestPage");
        tryVerify(() => (page = findChild(detail, "requestPage")) !== null && page.info.found);
        compare(testCase.child(page, "bindingMessage").text, "Buy 3 ACME #W1");
        compare(stack.depth, 1);
        verify(list.visible, "the list stays beside the request");
        compare(testCase.child(page, "backButton").visible, false);
        verify(list.itemAtIndex(0).highlighted, "the open request is marked in the list");

        // Narrower: the request takes the list's place, with its way back.
        window.width = 700;
        tryVerify(() => stack.depth === 2 && !stack.busy);
        verify(!detail.visible);
        page = stack.currentItem;
        compare(page.requestId, list.itemAtIndex(0).requestId);
        verify(testCase.child(page, "backButton").visible);
        // Wide again: beside the list once more, and decided from the keyboard there.
        window.width = 1200;
        tryVerify(() => stack.depth === 1 && detail.visible);
        tryVerify(() => (page = findChild(detail, "requestPage")) !== null && page.info.found);
        verify(TestKeyboard.click(window, Qt.Key_Return, Qt.ControlModifier));
        tryVerify(() => page.info.status === "approved", 10000);
        tryVerify(() => TestAgent.outcome.startsWith("approved "), 20000);
    }

    // Keys only: the list has the focus, Return opens the newest, Tab reaches the reason and the
    // buttons (with a visible focus), Space approves, Escape goes back to the list.
    function test_e_keyboardOnlyOpensGivesAReasonAndApproves(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        signIn(window);
        window.requestActivate();
        tryVerify(() => window.active);
        const stack = testCase.child(window.contentItem, "inboxStack");
        const list = testCase.child(window.contentItem, "requestList");
        TestAgent.ask(Session.issuer, "Buy 3 ACME #KB", testCase.trade);
        tryVerify(() => list.count > 0 && list.itemAtIndex(0) !== null
                  && list.itemAtIndex(0).bindingMessage === "Buy 3 ACME #KB", 10000);
        tryVerify(() => list.activeFocus, 5000, "the list has the keyboard focus");
        verify(TestKeyboard.click(window, Qt.Key_Home));
        tryCompare(list, "currentIndex", 0);
        verify(list.currentItem.highlighted, "the current request shows that it has the focus");

        verify(TestKeyboard.click(window, Qt.Key_Return));
        tryVerify(() => stack.depth === 2 && !stack.busy);
        const page = stack.currentItem;
        tryVerify(() => page.info.found);
        compare(testCase.child(page, "bindingMessage").text, "Buy 3 ACME #KB");

        const reason = testCase.child(page, "reasonField");
        for (let i = 0; i < 20 && !reason.activeFocus; ++i)
            verify(TestKeyboard.click(window, Qt.Key_Tab));
        verify(reason.activeFocus, "Tab reaches the reason");
        verify(TestKeyboard.type(window, "ok by keys"));
        compare(reason.text, "ok by keys");
        const approve = testCase.child(page, "approveButton");
        for (let i = 0; i < 5 && !approve.activeFocus; ++i)
            verify(TestKeyboard.click(window, Qt.Key_Tab));
        verify(approve.activeFocus, "Tab reaches Approve");
        verify(approve.visualFocus, "Approve shows that it has the focus");
        verify(TestKeyboard.click(window, Qt.Key_Space));
        tryVerify(() => page.info.status === "approved", 10000);
        tryVerify(() => TestAgent.outcome.startsWith("approved "), 20000);

        verify(TestKeyboard.click(window, Qt.Key_Escape));
        tryVerify(() => stack.depth === 1 && !stack.busy);
        tryVerify(() => list.activeFocus, 5000, "back on the list, with the focus");
    }

    // A notification's "Review" (Inbox.review) from another tab: the inbox comes up with that
    // request open; an id the inbox does not have shows the list.
    function test_f_reviewFromANotificationOpensTheRequest(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        signIn(window);
        window.width = 700;
        const tabs = testCase.child(window.contentItem, "tabs");
        const list = testCase.child(window.contentItem, "requestList");
        const stack = testCase.child(window.contentItem, "inboxStack");
        TestAgent.ask(Session.issuer, "Buy 3 ACME #R1", testCase.trade);
        tryVerify(() => list.itemAtIndex(0) !== null && list.itemAtIndex(0).bindingMessage === "Buy 3 ACME #R1", 10000);
        const requestId = list.itemAtIndex(0).requestId;
        verify(TestKeyboard.click(window, Qt.Key_3, Qt.ControlModifier)); // the code page
        tryVerify(() => tabs.currentIndex === 2);

        Inbox.review(requestId);
        tryVerify(() => tabs.currentIndex === 0);
        tryVerify(() => stack.depth === 2 && !stack.busy);
        compare(stack.currentItem.requestId, requestId);
        compare(testCase.child(stack.currentItem, "bindingMessage").text, "Buy 3 ACME #R1");

        Inbox.review("no-such-request");
        tryVerify(() => stack.depth === 1 && !stack.busy);
        verify(list.visible);
    }

    name: "InboxFlow"
    when: windowShown

    Component {
        id: mainComponent

        Main {}
    }
}
