import QtQuick
import QtTest
import Countersign
import CountersignTest

// The agent chat in the app's window: alice signs in (headless Chromium, for the inbox), and
// TestChat puts the demo agent with fake tools into the Chat singleton. Each tool's authorizer
// waits on one kind of interrupt until the test (or the page) ends it: buy_stock on an approval
// in the inbox (CIBA), make_payment on a device code, check_calendar on a Google account to
// connect; fetch_data_record answers with markup. Quick Test runs functions alphabetically.
TestCase {
    id: testCase

    readonly property string trade: JSON.stringify([{ type: "trade_authorization", action: "buy", ticker: "ACME", qty: 2 }])

    function child(parentItem: QtObject, objectName: string): QtObject {
        const item = findChild(parentItem, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    // The item named `objectName`, once it is there and drawn (delegates come and go).
    function shown(window: QtObject, objectName: string): QtObject {
        tryVerify(() => {
            const item = findChild(window.contentItem, objectName);
            return item !== null && item.visible && item.width > 0 && item.height > 0;
        }, 10000, objectName + " is not shown");
        return findChild(window.contentItem, objectName);
    }

    function click(window: QtObject, objectName: string): void {
        const item = testCase.shown(window, objectName);
        tryVerify(() => item.enabled, 5000, objectName + " is not enabled");
        waitForRendering(window.contentItem); // click what is drawn, where it is drawn
        mouseClick(item);
    }

    function clickTab(window: QtObject, name: string): void {
        const tab = testCase.child(window.contentItem, name);
        tryVerify(() => tab.width > 0 && tab.visible);
        waitForRendering(window.contentItem);
        mouseClick(tab);
    }

    // The app's window, signed in as alice, on the Agent tab with a new chat.
    function chatWindow(streamDelayMs: int): QtObject {
        const window = createTemporaryObject(mainComponent, testCase);
        window.height = 1400;
        tryVerify(() => !Session.restoring);
        if (Session.state !== Session.SignedIn) {
            mouseClick(testCase.child(window.contentItem, "signInButton"));
            tryVerify(() => Session.state === Session.SignedIn || Session.errorMessage !== "", 90000);
            compare(Session.errorMessage, "");
        }
        TestChat.start(streamDelayMs);
        testCase.clickTab(window, "agentTab");
        tryVerify(() => testCase.child(window.contentItem, "chatPage").visible);
        window.requestActivate();
        tryVerify(() => window.active);
        return window;
    }

    // Types `text` into the message field, key by key, and presses Enter.
    function say(window: QtObject, text: string): void {
        const input = testCase.shown(window, "chatInput");
        waitForRendering(window.contentItem);
        mouseClick(input);
        tryVerify(() => input.activeFocus);
        verify(TestKeyboard.type(window, text));
        compare(input.text, text);
        verify(TestKeyboard.click(window, Qt.Key_Return));
    }

    function noSecretShown(): void {
        const everything = TestChat.everythingShown();
        verify(everything.indexOf("SECRET") < 0, "a resume handle reached the page: " + everything);
    }

    function test_a_aTradeWaitsForApprovalAndTheAnswerStreamsIn(): void {
        const window = chatWindow(80);
        compare(testCase.child(window.contentItem, "backendLabel").text, "Rule-based demo agent (no language model)");
        verify(testCase.child(window.contentItem, "chatEmptyState").visible);

        say(window, "Buy 3 shares of ACME");
        compare(testCase.shown(window, "userMessage_0_text").text, "Buy 3 shares of ACME");
        compare(testCase.child(window.contentItem, "chatInput").text, "");
        compare(testCase.shown(window, "toolCallTitle_call_1").text, "Calling buy_stock");
        compare(testCase.shown(window, "argument_call_1_ticker").text, "ACME");
        compare(testCase.shown(window, "argument_call_1_qty").text, "3");

        // The approval card: the binding message to compare with the inbox, the time counting down.
        compare(testCase.shown(window, "approvalTitle_call_1").text, "Waiting for your approval");
        const binding = testCase.shown(window, "bindingMessage_call_1").text;
        compare(binding, TestChat.bindingMessage());
        verify(binding.startsWith("Buy 3 ACME #"), binding);
        const timeLeft = testCase.shown(window, "timeLeft_call_1");
        verify(/^[45]:\d\d left$/.test(timeLeft.text), timeLeft.text);
        const before = timeLeft.text;
        tryVerify(() => timeLeft.text !== before, 3000, "the time left does not count down");
        compare(testCase.shown(window, "toolCallState_call_1").text, "Waiting for you");
        verify(Chat.busy);
        compare(testCase.shown(window, "chatActivityText").text, "Waiting for you: see above.");
        compare(testCase.child(window.contentItem, "sendButton").enabled, false);
        testCase.noSecretShown();

        // While the agent is busy, Enter sends nothing and what was typed stays.
        const rows = Chat.messages.rowCount();
        const input = testCase.child(window.contentItem, "chatInput");
        verify(input.activeFocus);
        verify(TestKeyboard.type(window, "Sell"));
        verify(TestKeyboard.click(window, Qt.Key_Return));
        compare(Chat.messages.rowCount(), rows);
        compare(input.text, "Sell");
        input.clear();

        // Granted: the tool's result, then the agent's answer, word by word.
        verify(TestChat.grant("call_1"));
        const streaming = testCase.shown(window, "streamingReply_text");
        verify(streaming.text.startsWith("Done:"), streaming.text);
        verify(streaming.text.indexOf("order ord-1") < 0, "not streamed: " + streaming.text);
        tryVerify(() => !Chat.busy, 10000);
        compare(testCase.shown(window, "resultTitle_call_1").text, "✓ buy_stock finished");
        // The order as a receipt: what happened, then amounts and the order's id; no JSON.
        compare(testCase.shown(window, "resultHeading_call_1").text, "Order for 3 ACME");
        compare(testCase.shown(window, "resultField_call_1_0").text, "12.5 USD");
        compare(testCase.shown(window, "resultField_call_1_1").text, "37.5 USD");
        compare(testCase.shown(window, "resultField_call_1_2").text, "ord-1");
        compare(testCase.child(window.contentItem, "resultSummary_call_1").visible, false);
        compare(testCase.shown(window, "assistantMessage_4_text").text,
                "Done: bought 3 ACME shares at 12.5 USD (total 37.5 USD, order ord-1).");
        compare(testCase.child(window.contentItem, "streamingReply").visible, false);
        // The card shows that the wait is over.
        compare(findChild(window.contentItem, "approval_call_1"), null);
        compare(testCase.shown(window, "approvalTitle_call_1_2").text, "No longer waiting");
        compare(testCase.shown(window, "toolCallState_call_1").text, "Done");
        compare(testCase.child(window.contentItem, "chatActivity").visible, false);
    }

    // "Open in inbox" switches to the inbox and opens the request with the card's binding message.
    function test_b_openInInboxShowsTheRequestToDecide(): void {
        const window = chatWindow(0);
        say(window, "Buy 2 shares of ACME");
        const binding = testCase.shown(window, "bindingMessage_call_1").text;
        TestChat.setAgentClientId("demo-agent");
        TestAgent.ask(Session.issuer, binding, testCase.trade);
        tryVerify(() => Inbox.findRequest(binding, "demo-agent") !== "", 10000);
        compare(Inbox.findRequest(binding, "someone-else"), "");

        testCase.click(window, "openInInbox_call_1");
        tryVerify(() => testCase.child(window.contentItem, "inboxPage").visible);
        const stack = testCase.child(window.contentItem, "inboxStack");
        tryVerify(() => !stack.busy);
        const page = testCase.child(window.contentItem, "requestPage");
        tryVerify(() => page.visible && page.info.found);
        compare(testCase.child(page, "bindingMessage").text, binding);
        compare(page.info.status, "pending");

        // Back in the chat, the person gives up on it.
        testCase.clickTab(window, "agentTab");
        testCase.click(window, "cancel_call_1");
        tryVerify(() => !Chat.busy, 10000);
        compare(testCase.shown(window, "resultSummary_call_1").text, "Cancelled by you.");
    }

    function test_c_aDeviceCodeCardCopiesOpensAndEntersTheCode(): void {
        const window = chatWindow(0);
        say(window, "Pay 25 EUR to Erika");
        compare(testCase.shown(window, "deviceCodeTitle_call_1").text, "Approve with a code");
        compare(testCase.shown(window, "userCode_call_1").text, "WDJB-MJHT");
        compare(testCase.shown(window, "userCode_call_1").font.family, "monospace");
        verify(/^(9|10):\d\d left$/.test(testCase.shown(window, "timeLeft_call_1").text));
        testCase.noSecretShown();

        testCase.click(window, "copyCode_call_1");
        compare(TestChat.clipboardText(), "WDJB-MJHT");
        compare(testCase.child(window.contentItem, "copyCode_call_1").text, "Copied");

        compare(testCase.shown(window, "verificationLink_call_1").text, "https://id.example.test/activate");
        const opened = TestChat.openedLinks().length;
        testCase.click(window, "openVerification_call_1");
        compare(TestChat.openedLinks().length, opened + 1);
        compare(TestChat.openedLinks()[opened], "https://id.example.test/activate?user_code=WDJB-MJHT");
        // Only web addresses are opened; anything else says why.
        compare(Chat.openLink("file:///etc/passwd"), false);
        verify(testCase.shown(window, "chatProblem").message.indexOf("cannot be opened") >= 0);
        compare(TestChat.openedLinks().length, opened + 1);

        // "Enter code": the code page, with the code filled in (and looked up).
        testCase.click(window, "enterCode_call_1");
        tryVerify(() => testCase.child(window.contentItem, "deviceCodePage").visible);
        compare(testCase.child(window.contentItem, "codeField").text, "WDJB-MJHT");
        compare(Devices.requestedInput, "");

        // Denied: the failure is marked as one, and the agent says so.
        testCase.clickTab(window, "agentTab");
        verify(TestChat.deny("call_1"));
        tryVerify(() => !Chat.busy, 10000);
        compare(testCase.shown(window, "resultTitle_call_1").text, "✕ make_payment failed");
        compare(testCase.shown(window, "resultSummary_call_1").text, "You denied this.");
        compare(testCase.shown(window, "toolCallState_call_1").text, "Did not go ahead");
        compare(testCase.shown(window, "assistantMessage_4_text").text, "I could not do that: You denied this.");
        compare(findChild(window.contentItem, "copyCode_call_1"), null);
    }

    function test_d_connectAccountTryAgainAndCancel(): void {
        const window = chatWindow(0);
        say(window, "Check my calendar tomorrow");
        compare(testCase.shown(window, "connectTitle_call_1").text, "Connect your Google account");
        const opened = TestChat.openedLinks().length;
        testCase.click(window, "openConnect_call_1");
        compare(TestChat.openedLinks()[opened], "https://id.example.test/connect?connection=google-oauth2");

        // Not connected yet: trying again waits again, and the first card says it was replaced.
        testCase.click(window, "retry_call_1");
        tryVerify(() => TestChat.retries() === 1);
        tryVerify(() => findChild(window.contentItem, "connectTitle_call_1_2") !== null);
        compare(testCase.shown(window, "connectTitle_call_1_2").text, "Tried again");
        compare(testCase.shown(window, "connectTitle_call_1").text, "Connect your Google account");

        testCase.click(window, "cancel_call_1");
        tryVerify(() => !Chat.busy, 10000);
        compare(testCase.shown(window, "resultSummary_call_1").text, "Cancelled by you.");
        compare(findChild(window.contentItem, "retry_call_1"), null);

        // Connected: trying again goes ahead.
        say(window, "Check my calendar tomorrow");
        testCase.shown(window, "connect_call_2");
        TestChat.connectAccount();
        testCase.click(window, "retry_call_2");
        tryVerify(() => !Chat.busy, 10000);
        compare(testCase.shown(window, "resultTitle_call_2").text, "✓ check_calendar finished");
        testCase.shown(window, "resultNoTimes_call_2"); // free/busy with nothing busy
        const answer = testCase.shown(window, "assistantMessage_" + (Chat.messages.rowCount() - 1) + "_text");
        verify(answer.text.startsWith("You are free all day on "), answer.text);
    }

    // Markup from a tool (or the person) is shown as the characters it is made of.
    function test_e_hostileTextStaysPlainText(): void {
        const window = chatWindow(0);
        window.height = 640; // a long chat: the view follows the newest entry
        say(window, "Fetch data record r-1");
        tryVerify(() => !Chat.busy, 10000);
        const reply = testCase.shown(window, "assistantMessage_3_text");
        verify(reply.text.indexOf("\"<b>bold</b><img src=x>\"") >= 0, reply.text);
        verify(reply.text.indexOf("<a href=\"https://evil.example\">click</a>") >= 0, reply.text);
        compare(reply.textFormat, Text.PlainText);
        const heading = testCase.shown(window, "resultHeading_call_1");
        compare(heading.text, "<b>bold</b><img src=x>");
        compare(heading.textFormat, Text.PlainText);
        const field = testCase.shown(window, "resultField_call_1_0");
        compare(field.text, "<a href=\"https://evil.example\">click</a>");
        compare(field.textFormat, Text.PlainText);

        say(window, "<i>hi</i> & bye");
        compare(testCase.shown(window, "userMessage_4_text").text, "<i>hi</i> & bye");
        compare(testCase.child(window.contentItem, "userMessage_4_text").textFormat, Text.PlainText);
        tryVerify(() => !Chat.busy, 10000);
        const list = testCase.child(window.contentItem, "chatList");
        tryVerify(() => list.contentHeight > list.height, 5000, "the chat should be longer than the view");
        tryVerify(() => list.atYEnd, 5000, "the view does not show the newest entry");
        testCase.shown(window, "assistantMessage_5_text");
    }

    // An answer of no known shape is a tree: the top level first, the rest on demand, by mouse or key.
    function test_e2_anUnknownAnswerIsATreeThatOpensOnDemand(): void {
        const window = chatWindow(0);
        say(window, "Fetch data record r-tree");
        tryVerify(() => !Chat.busy, 10000);
        testCase.shown(window, "resultTree_call_1");
        compare(testCase.child(window.contentItem, "resultSummary_call_1").visible, false);
        const tree = testCase.child(window.contentItem, "resultTree_call_1");
        // ok: yes; quote (2) with history (2) and price inside.
        const row = index => findChild(tree, "treeRow_" + index);
        verify(row(0).visible);
        verify(row(1).visible);
        verify(!row(2).visible, "nested levels start closed");
        mouseClick(row(1));
        tryVerify(() => row(2).visible && row(5).visible);
        verify(!row(3).visible);
        row(2).forceActiveFocus();
        keyClick(Qt.Key_Return);
        tryVerify(() => row(3).visible && row(4).visible);
        keyClick(Qt.Key_Space);
        tryVerify(() => !row(3).visible);
        mouseClick(row(1));
        tryVerify(() => !row(2).visible && !row(5).visible);
    }

    function test_f_stopEndsTheReplyAndWaitingCalls(): void {
        const window = chatWindow(150);
        say(window, "Hello there");
        const streaming = testCase.shown(window, "streamingReply_text");
        tryVerify(() => streaming.text.split(" ").length > 3);
        testCase.click(window, "stopButton");
        tryVerify(() => !Chat.busy);
        compare(testCase.child(window.contentItem, "streamingReply").visible, false);
        const kept = testCase.shown(window, "assistantMessage_1_text").text;
        verify(kept.startsWith("I am the"), kept);
        verify(kept.indexOf("What can I do?") < 0, "the whole reply came: " + kept);
        compare(testCase.child(window.contentItem, "chatActivity").visible, false);

        say(window, "Buy 1 share of ACME");
        testCase.shown(window, "approval_call_1");
        testCase.click(window, "stopButton");
        tryVerify(() => !Chat.busy);
        compare(testCase.shown(window, "resultSummary_call_1").text, "Stopped by you.");
        compare(testCase.shown(window, "approvalTitle_call_1_4").text, "No longer waiting");
        compare(TestChat.grant("call_1"), false);
    }

    // "New chat" empties the conversation once the agent is done; not while it waits on you.
    function test_f2_newChatStartsOver(): void {
        const window = chatWindow(0);
        say(window, "Who am I?");
        tryVerify(() => !Chat.busy && Chat.messages.rowCount() === 2, 10000);
        testCase.click(window, "newChatButton");
        tryVerify(() => Chat.messages.rowCount() === 0);
        verify(testCase.child(window.contentItem, "chatEmptyState").visible);

        say(window, "Buy 1 share of ACME");
        tryVerify(() => Chat.messages.waitingCount === 1, 10000);
        compare(testCase.child(window.contentItem, "newChatButton").enabled, false);
        Chat.clear(); // refused while a call waits
        verify(Chat.messages.rowCount() > 0);
        testCase.click(window, "stopButton");
        tryVerify(() => !Chat.busy, 10000);
    }

    // Signed out (or no agent at all): the page says why instead of a chat.
    function test_g_withoutAnAgentThePageSaysWhy(): void {
        const window = chatWindow(0);
        TestChat.stopChat("Sign in to chat with the agent.");
        compare(Chat.available, false);
        compare(testCase.shown(window, "chatUnavailableReason").text, "Sign in to chat with the agent.");
        compare(testCase.child(window.contentItem, "chatInput").visible, false);
        compare(testCase.child(window.contentItem, "chatList").visible, false);
        compare(testCase.child(window.contentItem, "chatHeader").visible, false);
        compare(Chat.send("Buy 1 share of ACME"), false);

        TestChat.start(0);
        tryVerify(() => testCase.child(window.contentItem, "chatInput").visible);
        compare(testCase.child(window.contentItem, "chatUnavailable").visible, false);
    }

    name: "Chat"
    when: windowShown

    Component {
        id: mainComponent

        Main {}
    }
}
