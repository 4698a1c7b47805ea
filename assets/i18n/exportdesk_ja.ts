<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="67" />
        <source>Ref</source>
        <translation>案件番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="68" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="69" />
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="70" />
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="71" />
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="72" />
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="73" />
        <source>Applicant</source>
        <translation>申請者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="74" />
        <source>Updated</source>
        <translation>更新日時</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="165" />
        <source>Search title, counterpart or reference</source>
        <translation>件名・相手方・案件番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="169" />
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="179" />
        <location filename="../../exportdesk/gui/cases_page.py" line="276" />
        <location filename="../../exportdesk/gui/cases_page.py" line="284" />
        <source>New case</source>
        <translation>新規案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="182" />
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="183" />
        <location filename="../../exportdesk/gui/cases_page.py" line="296" />
        <source>Same as last time</source>
        <translation>前回と同じ内容で作成</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="184" />
        <source>Start a new case from the selected one</source>
        <translation>選択した案件をもとに新しい案件を作成します</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="185" />
        <location filename="../../exportdesk/gui/cases_page.py" line="306" />
        <location filename="../../exportdesk/gui/cases_page.py" line="313" />
        <source>Withdraw</source>
        <translation>取下げ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/cases_page.py" line="241" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="247" />
        <source>No case matches the search or filter.</source>
        <translation>検索・絞り込みに該当する案件はありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="250" />
        <source>No cases yet. Press 'New case' (Ctrl+N) before a visit, a shipment of samples, a trip with equipment or sharing technology abroad: the check sheet tells you in a few questions whether the export control office needs to look at it.</source>
        <translation>まだ案件はありません。外国からの研究者の受入れ、試料の送付、機器を持っての海外出張、海外への技術の提供の前に「新しい案件」（Ctrl+N）を押してください。いくつかの質問に答えると、輸出管理担当部署の確認が必要かどうかが分かります。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="272" />
        <source>myself</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="276" />
        <source>Filing for:</source>
        <translation>申請者：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="306" />
        <source>Reason for withdrawing:</source>
        <translation>取下げの理由：</translation>
    </message>
</context>
<context>
    <name>CheckSheetEditor</name>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="198" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="205" />
        <source>Previous section</source>
        <translation>前の項目へ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="206" />
        <source>Next section</source>
        <translation>次の項目へ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="207" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="208" />
        <source>Print / Save as PDF</source>
        <translation>印刷・PDFで保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="211" />
        <source>Send to the office as a file…</source>
        <translation>ファイルで担当部署へ送る…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="213" />
        <source>For an office that works on another PC: submits and writes a signed case file</source>
        <translation>担当部署が別のPCで作業する場合：提出し、署名付きの案件ファイルを作成します</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="216" />
        <source>Submit to the office</source>
        <translation>提出する</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="263" />
        <source>Questions from the export control office</source>
        <translation>輸出管理担当部署からの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="271" />
        <source>Your answer (sent with the resubmission)</source>
        <translation>回答（再提出時に送付されます）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="278" />
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="278" />
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="278" />
        <source>Don't know</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="287" />
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="308" />
        <source>Type a country name or code</source>
        <translation>国名又は国コードを入力</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="313" />
        <source>Search by name or KAKENHI code</source>
        <translation>分野名又は科研費の区分番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="363" />
        <location filename="../../exportdesk/gui/checksheet.py" line="371" />
        <source>Category</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="378" />
        <source>Example cases</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="388" />
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="432" />
        <source>Write the case file again…</source>
        <translation>案件ファイルを再作成…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="432" />
        <source>Save case file as…</source>
        <translation>案件ファイルを別名で保存…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="441" />
        <source>(untitled)</source>
        <translation>（件名未入力）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="445" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="448" />
        <source>sent to the office on %1, awaiting decision</source>
        <translation>担当部署へ送付済み（%1）・判断待ち</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="461" />
        <source>Decision of the export control office</source>
        <translation>輸出管理担当部署の判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="462" />
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="463" />
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="464" />
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="465" />
        <source>Questions from the office</source>
        <translation>担当部署からの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="466" />
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="467" />
        <source>Decided on</source>
        <translation>判断日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="474" />
        <source>Still to answer</source>
        <translation>未回答の必須項目</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="477" />
        <source>All required answers given.</source>
        <translation>必須項目はすべて回答済みです。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="480" />
        <source>Choose the activity to begin.</source>
        <translation>まず活動を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="485" />
        <source>Some answers cannot be read yet.</source>
        <translation>読み取れない回答があります。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="489" />
        <source>So far: </source>
        <translation>現時点では：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="511" />
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="529" />
        <location filename="../../exportdesk/gui/checksheet.py" line="573" />
        <source>Cannot submit yet</source>
        <translation>まだ提出できません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="533" />
        <source>Submitted. The sheet is filed with the export control office.</source>
        <translation>提出しました。シートは輸出管理担当部署に保存されます。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="547" />
        <source>Saved to %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="563" />
        <location filename="../../exportdesk/gui/checksheet.py" line="580" />
        <location filename="../../exportdesk/gui/checksheet.py" line="601" />
        <source>Send to the office</source>
        <translation>担当部署へ送る</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="576" />
        <source>The case file could not be written: %1</source>
        <translation>案件ファイルを書き込めませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="585" />
        <source>Submitted: the case file for the office is saved as %1.</source>
        <translation>提出しました。担当部署あての案件ファイルを %1 に保存しました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="603" />
        <source>The case file is ready: %1
Send it to the export control office (%2) by e-mail. Open your mail program now?</source>
        <translation>案件ファイルを作成しました：%1
メールで輸出管理担当部署（%2）へ送ってください。メールソフトを開きますか？</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="611" />
        <source>Open mail program</source>
        <translation>メールソフトを開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="592" />
        <source>Case file attached: %1</source>
        <translation>案件ファイルを添付します：%1</translation>
    </message>
</context>
<context>
    <name>GuidanceBrowser</name>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="63" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="64" />
        <source>Research area</source>
        <translation>研究分野</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="65" />
        <source>Related list items</source>
        <translation>関連するリスト規制項目</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="66" />
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="170" />
        <source>ExportDesk: guidance data</source>
        <translation>ExportDesk：ガイダンスデータ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="171" />
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="174" />
        <source>Research areas of concern</source>
        <translation>注意を要する研究分野</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="175" />
        <source>Specific categories</source>
        <translation>特定類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="176" />
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="177" />
        <source>Check-sheet questions</source>
        <translation>事前確認シートの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="178" />
        <source>Country groups</source>
        <translation>国グループ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="183" />
        <source>Search by Japanese or English name, KAKENHI code or list item</source>
        <translation>日本語名・英語名・科研費区分番号・項番で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="199" />
        <source>Category</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="200" />
        <source>Exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="201" />
        <source>Example cases</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="242" />
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="242" />
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="247" />
        <source>required</source>
        <translation>必須</translation>
    </message>
</context>
<context>
    <name>IcpView</name>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="57" />
        <source>Export control committee</source>
        <translation>安全保障輸出管理委員会を置く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="65" />
        <source>Small university</source>
        <translation>小規模大学型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="66" />
        <source>Large university</source>
        <translation>大規模大学型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="80" />
        <source>Institution name (Japanese)</source>
        <translation>機関名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="81" />
        <source>Institution name (English)</source>
        <translation>機関名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="82" />
        <source>Chief officer (Japanese)</source>
        <translation>最高責任者（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="83" />
        <source>Chief officer (English)</source>
        <translation>最高責任者（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="84" />
        <source>Chief manager's post (Japanese)</source>
        <translation>統括責任者の職（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="85" />
        <source>Chief manager's post (English)</source>
        <translation>統括責任者の職（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="86" />
        <source>Office name (Japanese)</source>
        <translation>担当部署名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="87" />
        <source>Office name (English)</source>
        <translation>担当部署名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="89" />
        <source>Retention period</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="90" />
        <source>Effective date</source>
        <translation>施行日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="94" />
        <source>ICP format</source>
        <translation>規程の様式</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="95" />
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="97" />
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="99" />
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/icp_view.py" line="166" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="173" />
        <source>Save ICP</source>
        <translation>規程を保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="178" />
        <source>Saved to %1</source>
        <translation>保存しました：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="168" />
        <source>ExportDesk: sign in</source>
        <translation>ExportDesk：サインイン</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="181" />
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="182" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="186" />
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="43" />
        <source>Review queue</source>
        <translation>審査待ち一覧</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="47" />
        <source>My cases</source>
        <translation>自分の案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="50" />
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="55" />
        <source>ICP</source>
        <translation>輸出管理規程</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="118" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="119" />
        <source>&amp;New case</source>
        <translation>新規案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="123" />
        <source>&amp;Close case</source>
        <translation>案件を閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="127" />
        <source>&amp;Open case or decision file…</source>
        <translation>案件・判断ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="132" />
        <source>&amp;Export institution file…</source>
        <translation>機関設定ファイルを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="136" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="142" />
        <source>&amp;End User List</source>
        <translation>外国ユーザーリスト(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="143" />
        <source>&amp;Import a list version…</source>
        <translation>リストの版を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="147" />
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="158" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="159" />
        <source>&amp;About ExportDesk</source>
        <translation>ExportDeskについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="183" />
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="194" />
        <location filename="../../exportdesk/gui/main_window.py" line="217" />
        <source>This file was already imported; nothing changed.</source>
        <translation>このファイルは既に取り込まれています。変更はありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="196" />
        <source>Decision received: %1</source>
        <translation>判断を受け取りました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="207" />
        <source>New sender</source>
        <translation>新しい送信者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="210" />
        <source>Trust this key and import the case?</source>
        <translation>この鍵を信頼して案件を取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="221" />
        <source>New case in the review queue: %1</source>
        <translation>審査待ち一覧に新しい案件が入りました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="223" />
        <source>New round of an existing case: %1</source>
        <translation>既存の案件の再提出を受け付けました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="226" />
        <source>Cannot import</source>
        <translation>取り込めません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="250" />
        <source>Export institution file</source>
        <translation>機関設定ファイルを書き出す</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="265" />
        <location filename="../../exportdesk/gui/main_window.py" line="270" />
        <location filename="../../exportdesk/gui/main_window.py" line="280" />
        <location filename="../../exportdesk/gui/main_window.py" line="295" />
        <location filename="../../exportdesk/gui/main_window.py" line="301" />
        <source>End User List</source>
        <translation>外国ユーザーリスト</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="265" />
        <source>Lists (*.pdf *.csv *.xlsx)</source>
        <translation>リスト (*.pdf *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="270" />
        <source>Effective date (YYYY-MM-DD):</source>
        <translation>施行日（YYYY-MM-DD）：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="280" />
        <source>Not a date: %1</source>
        <translation>日付ではありません：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="288" />
        <source>Imported version %1 with %2 entities.</source>
        <translation>版 %1（%2 件）を取り込みました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="293" />
        <source>Cases whose screening result changed:</source>
        <translation>照合結果が変わった案件：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="305" />
        <source>Importing the End User List…</source>
        <translation>外国ユーザーリストを取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="316" />
        <source>ExportDesk: security export control for universities.
Forms version %1</source>
        <translation>ExportDesk：大学のための安全保障輸出管理
フォーム版 %1</translation>
    </message>
</context>
<context>
    <name>PrintCase</name>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="29" />
        <source>Save as PDF</source>
        <translation>PDFとして保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="46" />
        <source>Printing failed</source>
        <translation>印刷できませんでした</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="47" />
        <source>The PDF could not be made: %1</source>
        <translation>PDF を作成できませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="51" />
        <source>Check the file location, or shorten very long answers, and try again.</source>
        <translation>保存先を確認するか、非常に長い回答を短くしてから、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="70" />
        <source>Ref</source>
        <translation>案件番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="71" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="72" />
        <source>Age (days)</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="73" />
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="74" />
        <source>Planned date</source>
        <translation>実施予定日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="75" />
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="76" />
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="77" />
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="78" />
        <source>Country group</source>
        <translation>国グループ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="79" />
        <source>Why it came to the office</source>
        <translation>審査が必要な理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="80" />
        <source>Applicant</source>
        <translation>申請者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="81" />
        <source>Department</source>
        <translation>部局</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="134" />
        <source>Search title, counterpart or reference</source>
        <translation>件名・相手方・案件番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="136" />
        <location filename="../../exportdesk/gui/review.py" line="185" />
        <source>Open cases</source>
        <translation>未処理の案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="139" />
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="163" />
        <source>Open review sheet</source>
        <translation>審査票を開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="190" />
        <source>No case matches the search or filter.</source>
        <translation>検索・絞り込みに該当する案件はありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="193" />
        <source>No case is waiting for the office. Submitted check sheets appear here; case files sent by e-mail are opened with File &gt; Open (or dropped here).</source>
        <translation>審査待ちの案件はありません。提出された確認シートはここに表示されます。メールで届いた案件ファイルは「ファイル」＞「開く」で開くか、ここにドロップしてください。</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="397" />
        <source>Review sheet</source>
        <translation>審査票</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="400" />
        <source>Check-sheet answers</source>
        <translation>事前確認シートの回答</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="403" />
        <source>Timeline</source>
        <translation>経過</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="410" />
        <source>Comment (required to return the case)</source>
        <translation>コメント（差戻しには必須）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="411" />
        <source>Start review</source>
        <translation>審査を開始</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="412" />
        <source>Record decision</source>
        <translation>判断を記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="413" />
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="415" />
        <source>Return to applicant</source>
        <translation>申請者に差し戻す</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="416" />
        <source>Send decision file…</source>
        <translation>判断ファイルを送る…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="418" />
        <source>Print / Save as PDF</source>
        <translation>印刷／PDF保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="483" />
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="483" />
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="499" />
        <source>Item and sub-item, e.g. 5(1)</source>
        <translation>項番・号（例：5(1)）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="530" />
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="635" />
        <source>Not possible</source>
        <translation>実行できません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="661" />
        <source>Saved to %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="672" />
        <source>Choose a decision.</source>
        <translation>判断を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="700" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="759" />
        <source>Send decision file</source>
        <translation>判断ファイルを送る</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="770" />
        <source>Decision file written: %1</source>
        <translation>判断ファイルを作成しました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="782" />
        <source>Approvals</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="840" />
        <source>created</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="841" />
        <source>check sheet edited</source>
        <translation>事前確認シート編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="842" />
        <source>status</source>
        <translation>状態変更</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="843" />
        <source>review sheet edited</source>
        <translation>審査票編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="844" />
        <source>decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="845" />
        <source>approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="846" />
        <source>question to applicant</source>
        <translation>申請者への質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="847" />
        <source>applicant's answer</source>
        <translation>申請者の回答</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="848" />
        <source>attachment</source>
        <translation>添付</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="849" />
        <source>comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="850" />
        <source>case file received</source>
        <translation>案件ファイルを受領</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="851" />
        <source>decision file received</source>
        <translation>判断ファイルを受領</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="852" />
        <source>case file written for the office</source>
        <translation>担当部署あての案件ファイルを作成</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="853" />
        <source>file written</source>
        <translation>ファイルを出力</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="854" />
        <source>screened against the lists</source>
        <translation>リストと照合</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="855" />
        <source>screened again (new list)</source>
        <translation>再照合（新しいリスト）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="856" />
        <source>list match resolved</source>
        <translation>照合候補を判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="857" />
        <source>recorded as not screened</source>
        <translation>照合なしとして記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="858" />
        <source>sender's key trusted</source>
        <translation>送信者の鍵を信頼</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="860" />
        <source>other change</source>
        <translation>その他の変更</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="228" />
        <source>Listed entity</source>
        <translation>掲載者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="229" />
        <source>Matched name</source>
        <translation>一致した名称</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="230" />
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="231" />
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="232" />
        <source>Resolution</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="241" />
        <source>Note (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="242" />
        <source>Add to known-good counterparts</source>
        <translation>問題のない相手方として登録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="243" />
        <location filename="../../exportdesk/gui/review.py" line="303" />
        <source>True match</source>
        <translation>該当と判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="244" />
        <location filename="../../exportdesk/gui/review.py" line="304" />
        <source>False positive</source>
        <translation>非該当と判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="245" />
        <source>Screen now</source>
        <translation>今すぐ照合</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="258" />
        <source>Why the counterpart is not screened</source>
        <translation>照合しない理由（例：リスト未取込み、相手方なし）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="259" />
        <source>Record as not screened</source>
        <translation>照合なしとして記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="290" />
        <source>Not screened: %1 (%2)</source>
        <translation>照合なし：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="295" />
        <source>No End User List screening recorded for this case.</source>
        <translation>この案件の外国ユーザーリスト照合結果は記録されていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/review.py" line="298" />
        <source>%n possible match(es)</source>
        <translation>
            <numerusform>該当の可能性 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="305" />
        <source>Open</source>
        <translation>未判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="359" />
        <source>No End User List has been imported yet.</source>
        <translation>外国ユーザーリストがまだ取り込まれていません。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="32" />
        <source>ExportDesk: first-time set-up</source>
        <translation>ExportDesk：初期設定</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="38" />
        <source>Small university: one central office</source>
        <translation>小規模大学型：輸出管理担当部署が一元的に管理</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="39" />
        <source>Large university: department managers, then the office</source>
        <translation>大規模大学型：部局の輸出管理責任者、次に担当部署</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="49" />
        <source>One per line: CODE, Japanese name, English name</source>
        <translation>1行に1部局：コード, 日本語名, 英語名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="55" />
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="68" />
        <source>Institution name (Japanese)</source>
        <translation>機関名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="69" />
        <source>Institution name (English)</source>
        <translation>機関名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="70" />
        <source>ICP format</source>
        <translation>規程の様式</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="71" />
        <source>Office name (Japanese)</source>
        <translation>担当部署名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="72" />
        <source>Office name (English)</source>
        <translation>担当部署名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="73" />
        <source>Office e-mail</source>
        <translation>担当部署のメールアドレス</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="74" />
        <source>Departments</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="75" />
        <source>Retention period</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="76" />
        <source>Administrator user name</source>
        <translation>管理者のユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="77" />
        <source>Administrator full name</source>
        <translation>管理者の氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="78" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="79" />
        <source>Password again</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="97" />
        <location filename="../../exportdesk/gui/dialogs.py" line="132" />
        <source>The two passwords differ.</source>
        <translation>パスワードが一致しません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="101" />
        <source>Institution file</source>
        <translation>機関設定ファイル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="138" />
        <source>Cannot read this department line: %1</source>
        <translation>次の部局の行を読み取れません：%1</translation>
    </message>
</context>
</TS>