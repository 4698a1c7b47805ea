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
        <location filename="../../exportdesk/gui/cases_page.py" line="257" />
        <location filename="../../exportdesk/gui/cases_page.py" line="265" />
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
        <location filename="../../exportdesk/gui/cases_page.py" line="277" />
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
        <location filename="../../exportdesk/gui/cases_page.py" line="287" />
        <location filename="../../exportdesk/gui/cases_page.py" line="294" />
        <source>Withdraw</source>
        <translation>取下げ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/cases_page.py" line="236" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="253" />
        <source>myself</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="257" />
        <source>Filing for:</source>
        <translation>申請者：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="287" />
        <source>Reason for withdrawing:</source>
        <translation>取下げの理由：</translation>
    </message>
</context>
<context>
    <name>CheckSheetEditor</name>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="190" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="197" />
        <source>Previous section</source>
        <translation>前の項目へ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="198" />
        <source>Next section</source>
        <translation>次の項目へ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="199" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="200" />
        <source>Print / Save as PDF</source>
        <translation>印刷・PDFで保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="203" />
        <source>Send to the office as a file…</source>
        <translation>ファイルで担当部署へ送る…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="205" />
        <source>For an office that works on another PC: submits and writes a signed case file</source>
        <translation>担当部署が別のPCで作業する場合：提出し、署名付きの案件ファイルを作成します</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="208" />
        <source>Submit to the office</source>
        <translation>提出する</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="255" />
        <source>Questions from the export control office</source>
        <translation>輸出管理担当部署からの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="263" />
        <source>Your answer (sent with the resubmission)</source>
        <translation>回答（再提出時に送付されます）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="270" />
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="270" />
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="270" />
        <source>Don't know</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="279" />
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="285" />
        <source>Type a country name or code</source>
        <translation>国名又は国コードを入力</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="290" />
        <source>Search by name or KAKENHI code</source>
        <translation>分野名又は科研費の区分番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="340" />
        <location filename="../../exportdesk/gui/checksheet.py" line="348" />
        <source>Category</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="355" />
        <source>Example cases</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="365" />
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="405" />
        <source>Write the case file again…</source>
        <translation>案件ファイルを再作成…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="405" />
        <source>Save case file as…</source>
        <translation>案件ファイルを別名で保存…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="414" />
        <source>(untitled)</source>
        <translation>（件名未入力）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="418" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="421" />
        <source>sent to the office on %1, awaiting decision</source>
        <translation>担当部署へ送付済み（%1）・判断待ち</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="434" />
        <source>Decision of the export control office</source>
        <translation>輸出管理担当部署の判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="435" />
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="436" />
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="437" />
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="438" />
        <source>Questions from the office</source>
        <translation>担当部署からの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="439" />
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="440" />
        <source>Decided on</source>
        <translation>判断日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="447" />
        <source>Still to answer</source>
        <translation>未回答の必須項目</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="450" />
        <source>All required answers given.</source>
        <translation>必須項目はすべて回答済みです。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="453" />
        <source>Choose the activity to begin.</source>
        <translation>まず活動を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="458" />
        <source>Some answers cannot be read yet.</source>
        <translation>読み取れない回答があります。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="462" />
        <source>So far: </source>
        <translation>現時点では：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="480" />
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="498" />
        <location filename="../../exportdesk/gui/checksheet.py" line="553" />
        <source>Cannot submit yet</source>
        <translation>まだ提出できません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="502" />
        <source>Submitted. The sheet is filed with the export control office.</source>
        <translation>提出しました。シートは輸出管理担当部署に保存されます。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="518" />
        <source>Save as PDF</source>
        <translation>PDFで保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="527" />
        <source>Saved to %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="543" />
        <location filename="../../exportdesk/gui/checksheet.py" line="560" />
        <location filename="../../exportdesk/gui/checksheet.py" line="581" />
        <source>Send to the office</source>
        <translation>担当部署へ送る</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="556" />
        <source>The case file could not be written: %1</source>
        <translation>案件ファイルを書き込めませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="565" />
        <source>Submitted: the case file for the office is saved as %1.</source>
        <translation>提出しました。担当部署あての案件ファイルを %1 に保存しました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="583" />
        <source>The case file is ready: %1
Send it to the export control office (%2) by e-mail. Open your mail program now?</source>
        <translation>案件ファイルを作成しました：%1
メールで輸出管理担当部署（%2）へ送ってください。メールソフトを開きますか？</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="591" />
        <source>Open mail program</source>
        <translation>メールソフトを開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="572" />
        <source>Case file attached: %1</source>
        <translation>案件ファイルを添付します：%1</translation>
    </message>
</context>
<context>
    <name>GuidanceBrowser</name>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="62" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="63" />
        <source>Research area</source>
        <translation>研究分野</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="64" />
        <source>Related list items</source>
        <translation>関連するリスト規制項目</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="65" />
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="169" />
        <source>ExportDesk: guidance data</source>
        <translation>ExportDesk：ガイダンスデータ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="170" />
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="173" />
        <source>Research areas of concern</source>
        <translation>注意を要する研究分野</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="174" />
        <source>Specific categories</source>
        <translation>特定類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="175" />
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="176" />
        <source>Check-sheet questions</source>
        <translation>事前確認シートの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="177" />
        <source>Country groups</source>
        <translation>国グループ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="182" />
        <source>Search by Japanese or English name, KAKENHI code or list item</source>
        <translation>日本語名・英語名・科研費区分番号・項番で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="198" />
        <source>Category</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="199" />
        <source>Exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="200" />
        <source>Example cases</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="240" />
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="240" />
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="245" />
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
        <location filename="../../exportdesk/gui/main_window.py" line="41" />
        <source>Review queue</source>
        <translation>審査待ち一覧</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="45" />
        <source>My cases</source>
        <translation>自分の案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="48" />
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="53" />
        <source>ICP</source>
        <translation>輸出管理規程</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="113" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="114" />
        <source>&amp;New case</source>
        <translation>新規案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="118" />
        <source>&amp;Close case</source>
        <translation>案件を閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="122" />
        <source>&amp;Open case or decision file…</source>
        <translation>案件・判断ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="127" />
        <source>&amp;Export institution file…</source>
        <translation>機関設定ファイルを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="131" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="137" />
        <source>&amp;End User List</source>
        <translation>外国ユーザーリスト(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="138" />
        <source>&amp;Import a list version…</source>
        <translation>リストの版を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="142" />
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="153" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="154" />
        <source>&amp;About ExportDesk</source>
        <translation>ExportDeskについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="178" />
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="189" />
        <location filename="../../exportdesk/gui/main_window.py" line="212" />
        <source>This file was already imported; nothing changed.</source>
        <translation>このファイルは既に取り込まれています。変更はありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="191" />
        <source>Decision received: %1</source>
        <translation>判断を受け取りました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="202" />
        <source>New sender</source>
        <translation>新しい送信者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="205" />
        <source>Trust this key and import the case?</source>
        <translation>この鍵を信頼して案件を取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="216" />
        <source>New case in the review queue: %1</source>
        <translation>審査待ち一覧に新しい案件が入りました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="218" />
        <source>New round of an existing case: %1</source>
        <translation>既存の案件の再提出を受け付けました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="221" />
        <source>Cannot import</source>
        <translation>取り込めません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="245" />
        <source>Export institution file</source>
        <translation>機関設定ファイルを書き出す</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="260" />
        <location filename="../../exportdesk/gui/main_window.py" line="265" />
        <location filename="../../exportdesk/gui/main_window.py" line="275" />
        <location filename="../../exportdesk/gui/main_window.py" line="290" />
        <location filename="../../exportdesk/gui/main_window.py" line="296" />
        <source>End User List</source>
        <translation>外国ユーザーリスト</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="260" />
        <source>Lists (*.pdf *.csv *.xlsx)</source>
        <translation>リスト (*.pdf *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="265" />
        <source>Effective date (YYYY-MM-DD):</source>
        <translation>施行日（YYYY-MM-DD）：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="275" />
        <source>Not a date: %1</source>
        <translation>日付ではありません：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="283" />
        <source>Imported version %1 with %2 entities.</source>
        <translation>版 %1（%2 件）を取り込みました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="288" />
        <source>Cases whose screening result changed:</source>
        <translation>照合結果が変わった案件：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="300" />
        <source>Importing the End User List…</source>
        <translation>外国ユーザーリストを取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="311" />
        <source>ExportDesk: security export control for universities.
Forms version %1</source>
        <translation>ExportDesk：大学のための安全保障輸出管理
フォーム版 %1</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="65" />
        <source>Ref</source>
        <translation>案件番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="66" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="67" />
        <source>Age (days)</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="68" />
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="69" />
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="70" />
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="71" />
        <source>Country group</source>
        <translation>国グループ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="72" />
        <source>Why it came to the office</source>
        <translation>審査が必要な理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="73" />
        <source>Applicant</source>
        <translation>申請者</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="119" />
        <source>Search title, counterpart or reference</source>
        <translation>件名・相手方・案件番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="121" />
        <location filename="../../exportdesk/gui/review.py" line="163" />
        <source>Open cases</source>
        <translation>未処理の案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="124" />
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="142" />
        <source>Open review sheet</source>
        <translation>審査票を開く</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="363" />
        <source>Review sheet</source>
        <translation>審査票</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="366" />
        <source>Check-sheet answers</source>
        <translation>事前確認シートの回答</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="369" />
        <source>Timeline</source>
        <translation>経過</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="376" />
        <source>Comment (required to return the case)</source>
        <translation>コメント（差戻しには必須）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="377" />
        <source>Start review</source>
        <translation>審査を開始</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="378" />
        <source>Record decision</source>
        <translation>判断を記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="379" />
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="381" />
        <source>Return to applicant</source>
        <translation>申請者に差し戻す</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="382" />
        <source>Send decision file…</source>
        <translation>判断ファイルを送る…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="443" />
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="443" />
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="459" />
        <source>Item and sub-item, e.g. 5(1)</source>
        <translation>項番・号（例：5(1)）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="490" />
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="595" />
        <source>Not possible</source>
        <translation>実行できません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="623" />
        <source>Choose a decision.</source>
        <translation>判断を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="651" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="710" />
        <source>Send decision file</source>
        <translation>判断ファイルを送る</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="721" />
        <source>Decision file written: %1</source>
        <translation>判断ファイルを作成しました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="733" />
        <source>Approvals</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="787" />
        <source>created</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="788" />
        <source>check sheet edited</source>
        <translation>事前確認シート編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="789" />
        <source>status</source>
        <translation>状態変更</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="790" />
        <source>review sheet edited</source>
        <translation>審査票編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="791" />
        <source>decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="792" />
        <source>approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="793" />
        <source>question to applicant</source>
        <translation>申請者への質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="794" />
        <source>applicant's answer</source>
        <translation>申請者の回答</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="795" />
        <source>attachment</source>
        <translation>添付</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="796" />
        <source>comment</source>
        <translation>コメント</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="194" />
        <source>Listed entity</source>
        <translation>掲載者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="195" />
        <source>Matched name</source>
        <translation>一致した名称</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="196" />
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="197" />
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="198" />
        <source>Resolution</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="207" />
        <source>Note (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="208" />
        <source>Add to known-good counterparts</source>
        <translation>問題のない相手方として登録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="209" />
        <location filename="../../exportdesk/gui/review.py" line="269" />
        <source>True match</source>
        <translation>該当と判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="210" />
        <location filename="../../exportdesk/gui/review.py" line="270" />
        <source>False positive</source>
        <translation>非該当と判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="211" />
        <source>Screen now</source>
        <translation>今すぐ照合</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="224" />
        <source>Why the counterpart is not screened</source>
        <translation>照合しない理由（例：リスト未取込み、相手方なし）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="225" />
        <source>Record as not screened</source>
        <translation>照合なしとして記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="256" />
        <source>Not screened: %1 (%2)</source>
        <translation>照合なし：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="261" />
        <source>No End User List screening recorded for this case.</source>
        <translation>この案件の外国ユーザーリスト照合結果は記録されていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/review.py" line="264" />
        <source>%n possible match(es)</source>
        <translation>
            <numerusform>該当の可能性 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="271" />
        <source>Open</source>
        <translation>未判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="325" />
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