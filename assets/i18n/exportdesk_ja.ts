<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="35"/>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="43"/>
        <source>For example the person&apos;s CV, the maker&apos;s classification certificate (該非判定書) or the signed pledge. Each file is recorded with its SHA-256.</source>
        <translation>例：本人の履歴書、メーカーの該非判定書、署名済みの誓約書。各ファイルは SHA-256 とともに記録されます。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="51"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="51"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="57"/>
        <source>Add file…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="59"/>
        <source>Save a copy…</source>
        <translation>コピーを保存…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="94"/>
        <source>Attach a file</source>
        <translation>添付するファイル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="105"/>
        <source>The file cannot be read: %1</source>
        <translation>ファイルを読めません：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="120"/>
        <source>Save a copy</source>
        <translation>コピーを保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/attachments.py" line="127"/>
        <source>The file cannot be written: %1</source>
        <translation>ファイルを書き込めません：%1</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="63"/>
        <source>random</source>
        <translation>無作為</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="65"/>
        <source>Start the audit</source>
        <translation>監査を開始</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="66"/>
        <source>Close the audit…</source>
        <translation>監査を完了…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="67"/>
        <source>Audit report (PDF)…</source>
        <translation>監査報告書（PDF）…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="69"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="71"/>
        <source>Cases per department</source>
        <translation>部局ごとの抽出件数</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="73"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="83"/>
        <source>Pass</source>
        <translation>適合</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="84"/>
        <source>Fail</source>
        <translation>不適合</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="85"/>
        <source>Not applicable</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="90"/>
        <source>Standards element</source>
        <translation>遵守基準の要素</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="91"/>
        <source>ICP articles</source>
        <translation>規程の条</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="92"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="93"/>
        <location filename="../../exportdesk/gui/internal_audit.py" line="111"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="98"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="111"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="111"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="124"/>
        <source>Note (required when a check fails)</source>
        <translation>所見（不適合がある場合は必須）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="125"/>
        <source>Record the checks</source>
        <translation>点検結果を記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="130"/>
        <source>○ pass, × fail, － not applicable; in brackets: what the records suggest</source>
        <translation>○適合、×不適合、－該当なし。括弧内は記録から推定した結果（点検結果の記録前）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="143"/>
        <location filename="../../exportdesk/gui/internal_audit.py" line="166"/>
        <source>Severity</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="144"/>
        <location filename="../../exportdesk/gui/internal_audit.py" line="167"/>
        <source>Finding</source>
        <translation>指摘</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="145"/>
        <location filename="../../exportdesk/gui/internal_audit.py" line="168"/>
        <source>Corrective action</source>
        <translation>是正措置</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="146"/>
        <location filename="../../exportdesk/gui/internal_audit.py" line="173"/>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="147"/>
        <location filename="../../exportdesk/gui/internal_audit.py" line="171"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="148"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="163"/>
        <source>Add the finding</source>
        <translation>指摘を追加</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="164"/>
        <source>Action done…</source>
        <translation>是正完了…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="185"/>
        <source>Programme checklist</source>
        <translation>規程・体制の点検</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="186"/>
        <source>Sampled cases</source>
        <translation>抽出案件の点検</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="187"/>
        <source>Findings and actions</source>
        <translation>指摘事項と是正措置</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="211"/>
        <source>Internal audit</source>
        <translation>内部監査</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="230"/>
        <source>No internal audit is recorded for this year.</source>
        <translation>この年の内部監査は記録されていません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="236"/>
        <source>%1 · seed %2 · %3 of %4 sampled cases checked · %5 finding(s)</source>
        <translation>%1・シード %2・抽出案件 %4件中 %3件点検済み・指摘 %5件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="237"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="237"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="393"/>
        <source>Action done</source>
        <translation>是正完了</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="393"/>
        <source>How was it corrected?</source>
        <translation>どのように是正しましたか。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="410"/>
        <source>Close the audit</source>
        <translation>監査を完了</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="410"/>
        <source>Summary of the audit:</source>
        <translation>監査の総括：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/internal_audit.py" line="430"/>
        <location filename="../../exportdesk/gui/internal_audit.py" line="445"/>
        <source>Audit report</source>
        <translation>監査報告書</translation>
    </message>
</context>
<context>
    <name>CampusAddressDialog</name>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="40"/>
        <location filename="../../exportdesk/gui/campus.py" line="85"/>
        <source>ExportDesk: campus database</source>
        <translation>ExportDesk：学内データベース</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="43"/>
        <source>The address of the university&apos;s ExportDesk database, from the export control office or IT, e.g. postgresql://db.example.ac.jp/exportdesk. You type your password when you sign in; it is never saved.</source>
        <translation>大学のExportDeskデータベースのアドレスです（輸出管理担当部署又は情報システム担当から案内されます。例：postgresql://db.example.ac.jp/exportdesk）。パスワードはサインインのたびに入力し、保存されません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="53"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="53"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="55"/>
        <source>Use this PC&apos;s own file</source>
        <translation>このPCのファイルを使う</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="60"/>
        <source>Campus address</source>
        <translation>学内データベースのアドレス</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="79"/>
        <source>Its certificate is checked (sslmode=verify-full).</source>
        <translation>サーバー証明書を検証します（sslmode=verify-full）。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="81"/>
        <source>Its certificate is not checked (no sslmode=verify-full).</source>
        <translation>サーバー証明書は検証されません（sslmode=verify-full の指定なし）。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="86"/>
        <source>From now on, signing in on this PC sends your password to:</source>
        <translation>今後、このPCでのサインインでは、パスワードを次のサーバーに送ります：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="92"/>
        <source>Server %1, port %2, database %3.</source>
        <translation>サーバー %1、ポート %2、データベース %3。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="100"/>
        <source>Use it only if the export control office or IT gave you this address. Keep it?</source>
        <translation>輸出管理担当又は情報システム担当から指定されたアドレスである場合に限り使用してください。このアドレスを保存しますか？</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="115"/>
        <source>The campus address was not changed.</source>
        <translation>学内データベースのアドレスは変更していません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="117"/>
        <location filename="../../exportdesk/gui/campus.py" line="124"/>
        <source>The setting could not be saved: %1</source>
        <translation>設定を保存できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>CampusSignInDialog</name>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="139"/>
        <source>ExportDesk: sign in to the campus database</source>
        <translation>ExportDesk：学内データベースにサインイン</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="140"/>
        <source>Campus database</source>
        <translation>学内データベース</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="145"/>
        <source>Change address…</source>
        <translation>アドレスを変更…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="155"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="156"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="158"/>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="158"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/campus.py" line="187"/>
        <source>The campus address is no longer kept: the next start opens this PC&apos;s own file (unless --db or EXPORTDESK_DB names the campus database).</source>
        <translation>学内データベースのアドレスを削除しました。次回の起動からはこのPCのファイルを開きます（--db又はEXPORTDESK_DBで学内データベースを指定している場合を除く）。</translation>
    </message>
</context>
<context>
    <name>CaseNotes</name>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="133"/>
        <source>The applicant has no export-control training on record.</source>
        <translation>申請者の輸出管理研修の記録がありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="136"/>
        <source>The applicant&apos;s export-control training expired on %1.</source>
        <translation>申請者の輸出管理研修は %1 に期限切れです。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="142"/>
        <source>Re-check open for the person: %1</source>
        <translation>対象の人物の再確認が必要：%1</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="64"/>
        <source>Ref</source>
        <translation>案件番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="65"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="66"/>
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="67"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="68"/>
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="69"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="70"/>
        <source>Applicant</source>
        <translation>申請者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="71"/>
        <source>Updated</source>
        <translation>更新日時</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="153"/>
        <source>Search title, counterpart or reference</source>
        <translation>件名・相手方・案件番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="157"/>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="167"/>
        <location filename="../../exportdesk/gui/cases_page.py" line="264"/>
        <location filename="../../exportdesk/gui/cases_page.py" line="272"/>
        <source>New case</source>
        <translation>新規案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="170"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="171"/>
        <location filename="../../exportdesk/gui/cases_page.py" line="284"/>
        <source>Same as last time</source>
        <translation>前回と同じ内容で作成</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="172"/>
        <source>Start a new case from the selected one</source>
        <translation>選択した案件をもとに新しい案件を作成します</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="173"/>
        <location filename="../../exportdesk/gui/cases_page.py" line="294"/>
        <location filename="../../exportdesk/gui/cases_page.py" line="301"/>
        <source>Withdraw</source>
        <translation>取下げ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/cases_page.py" line="229"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="235"/>
        <source>No case matches the search or filter.</source>
        <translation>検索・絞り込みに該当する案件はありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="238"/>
        <source>No cases yet. Press &apos;New case&apos; (Ctrl+N) before a visit, a shipment of samples, a trip with equipment or sharing technology abroad: the check sheet tells you in a few questions whether the export control office needs to look at it.</source>
        <translation>まだ案件はありません。外国からの研究者の受入れ、試料の送付、機器を持っての海外出張、海外への技術の提供の前に「新規案件」（Ctrl+N）を押してください。いくつかの質問に答えると、輸出管理担当部署の確認が必要かどうかが分かります。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="260"/>
        <source>myself</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="264"/>
        <source>Filing for:</source>
        <translation>申請者：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/cases_page.py" line="294"/>
        <source>Reason for withdrawing:</source>
        <translation>取下げの理由：</translation>
    </message>
</context>
<context>
    <name>CheckSheetEditor</name>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="212"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="219"/>
        <source>Previous section</source>
        <translation>前の項目へ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="220"/>
        <source>Next section</source>
        <translation>次の項目へ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="221"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="222"/>
        <source>Print / Save as PDF</source>
        <translation>印刷・PDFで保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="225"/>
        <source>Send to the office as a file…</source>
        <translation>ファイルで担当部署へ送る…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="227"/>
        <source>For an office that works on another PC: submits and writes a signed case file</source>
        <translation>担当部署が別のPCで作業する場合：提出し、署名付きの案件ファイルを作成します</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="232"/>
        <source>Submit to the office</source>
        <translation>提出する</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="282"/>
        <source>Questions from the export control office</source>
        <translation>輸出管理担当部署からの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="290"/>
        <source>Your answer (sent with the resubmission)</source>
        <translation>回答（再提出時に送付されます）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="297"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="297"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="297"/>
        <source>Don&apos;t know</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="306"/>
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="327"/>
        <source>Type a country name or code</source>
        <translation>国名又は国コードを入力</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="332"/>
        <source>Search by name or KAKENHI code</source>
        <translation>分野名又は科研費の区分番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="384"/>
        <location filename="../../exportdesk/gui/checksheet.py" line="392"/>
        <source>Category</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="399"/>
        <source>Example cases</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="409"/>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="454"/>
        <source>Write the case file again…</source>
        <translation>案件ファイルを再作成…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="454"/>
        <source>Save case file as…</source>
        <translation>案件ファイルを別名で保存…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="463"/>
        <source>(untitled)</source>
        <translation>（件名未入力）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="467"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="470"/>
        <source>sent to the office on %1, awaiting decision</source>
        <translation>担当部署へ送付済み（%1）・判断待ち</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="476"/>
        <source>changes not saved</source>
        <translation>変更は保存されていません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="487"/>
        <source>Decision of the export control office</source>
        <translation>輸出管理担当部署の判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="488"/>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="489"/>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="490"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="491"/>
        <source>Questions from the office</source>
        <translation>担当部署からの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="492"/>
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="493"/>
        <source>Decided on</source>
        <translation>判断日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="500"/>
        <source>Still to answer</source>
        <translation>未回答の必須項目</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="503"/>
        <source>All required answers given.</source>
        <translation>必須項目はすべて回答済みです。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="506"/>
        <source>Choose the activity to begin.</source>
        <translation>まず活動を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="511"/>
        <source>Some answers cannot be read yet.</source>
        <translation>読み取れない回答があります。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="515"/>
        <source>So far: </source>
        <translation>現時点では：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="535"/>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="546"/>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="566"/>
        <location filename="../../exportdesk/gui/checksheet.py" line="610"/>
        <source>Cannot submit yet</source>
        <translation>まだ提出できません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="570"/>
        <source>Submitted. The sheet is filed with the export control office.</source>
        <translation>提出しました。シートは輸出管理担当部署に保存されます。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="584"/>
        <source>Saved to %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="600"/>
        <location filename="../../exportdesk/gui/checksheet.py" line="617"/>
        <location filename="../../exportdesk/gui/checksheet.py" line="638"/>
        <source>Send to the office</source>
        <translation>担当部署へ送る</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="613"/>
        <source>The case file could not be written: %1</source>
        <translation>案件ファイルを書き込めませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="622"/>
        <source>Submitted: the case file for the office is saved as %1.</source>
        <translation>提出しました。担当部署あての案件ファイルを %1 に保存しました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="640"/>
        <source>The case file is ready: %1
Send it to the export control office (%2) by e-mail. Open your mail program now?</source>
        <translation>案件ファイルを作成しました：%1
メールで輸出管理担当部署（%2）へ送ってください。メールソフトを開きますか？</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="648"/>
        <source>Open mail program</source>
        <translation>メールソフトを開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="629"/>
        <source>Case file attached: %1</source>
        <translation>案件ファイルを添付します：%1</translation>
    </message>
</context>
<context>
    <name>DeclarationDialog</name>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="234"/>
        <source>Record a declaration</source>
        <translation>申告の記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="243"/>
        <source>Declared on</source>
        <translation>申告日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="250"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="252"/>
        <source>Attach the signed scan…</source>
        <translation>署名済みのスキャンを添付…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="254"/>
        <location filename="../../exportdesk/gui/people_page.py" line="263"/>
        <source>Scan</source>
        <translation>スキャン</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="86"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="87"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="88"/>
        <source>ID</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="89"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="90"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="91"/>
        <source>Supervisor</source>
        <translation>指導教員</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="92"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="109"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="110"/>
        <source>Export to Excel…</source>
        <translation>Excelに出力…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="111"/>
        <source>Reminder mail…</source>
        <translation>督促メール…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="112"/>
        <source>Opens your mail program with the selected people</source>
        <translation>選択した人へのメールをメールソフトで作成します</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="94"/>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="131"/>
        <source>%1 due, %2 overdue</source>
        <translation>%1 件（期限切れ %2 件）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="139"/>
        <source>Export to Excel</source>
        <translation>Excelに出力</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="152"/>
        <source>Export control: documents to submit</source>
        <translation>安全保障輸出管理：提出書類のお願い</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_due.py" line="154"/>
        <source>Please submit the following to the export control office:</source>
        <translation>次の書類を輸出管理担当部署に提出してください。</translation>
    </message>
</context>
<context>
    <name>GuidanceBrowser</name>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="63"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="64"/>
        <source>Research area</source>
        <translation>研究分野</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="65"/>
        <source>Related list items</source>
        <translation>関連するリスト規制項目</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="66"/>
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="170"/>
        <source>ExportDesk: guidance data</source>
        <translation>ExportDesk：ガイダンスデータ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="171"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="174"/>
        <source>Research areas of concern</source>
        <translation>注意を要する研究分野</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="175"/>
        <source>Specific categories</source>
        <translation>特定類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="176"/>
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="177"/>
        <source>Check-sheet questions</source>
        <translation>事前確認シートの質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="178"/>
        <source>Country groups</source>
        <translation>国グループ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="183"/>
        <source>Search by Japanese or English name, KAKENHI code or list item</source>
        <translation>日本語名・英語名・科研費区分番号・項番で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="199"/>
        <source>Category</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="200"/>
        <source>Exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="201"/>
        <source>Example cases</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="242"/>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="242"/>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/guidance_browser.py" line="247"/>
        <source>required</source>
        <translation>必須</translation>
    </message>
</context>
<context>
    <name>IcpView</name>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="57"/>
        <source>Export control committee</source>
        <translation>安全保障輸出管理委員会を置く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="65"/>
        <source>Small university</source>
        <translation>小規模大学型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="66"/>
        <source>Large university</source>
        <translation>大規模大学型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="80"/>
        <source>Institution name (Japanese)</source>
        <translation>機関名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="81"/>
        <source>Institution name (English)</source>
        <translation>機関名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="82"/>
        <source>Chief officer (Japanese)</source>
        <translation>最高責任者（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="83"/>
        <source>Chief officer (English)</source>
        <translation>最高責任者（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="84"/>
        <source>Chief manager&apos;s post (Japanese)</source>
        <translation>統括責任者の職（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="85"/>
        <source>Chief manager&apos;s post (English)</source>
        <translation>統括責任者の職（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="86"/>
        <source>Office name (Japanese)</source>
        <translation>担当部署名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="87"/>
        <source>Office name (English)</source>
        <translation>担当部署名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="89"/>
        <source>Retention period</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="90"/>
        <source>Effective date</source>
        <translation>施行日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="94"/>
        <source>ICP format</source>
        <translation>規程の様式</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="95"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="97"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="99"/>
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/icp_view.py" line="166"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="173"/>
        <source>Save ICP</source>
        <translation>規程を保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/icp_view.py" line="178"/>
        <source>Saved to %1</source>
        <translation>保存しました：%1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="41"/>
        <location filename="../../exportdesk/gui/people_import.py" line="114"/>
        <source>Import people</source>
        <translation>人物の取込み</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="44"/>
        <source>Choose file…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="50"/>
        <source>ID</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="51"/>
        <source>Family name *</source>
        <translation>姓 *</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="52"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="53"/>
        <source>Native name</source>
        <translation>原語氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="54"/>
        <source>Nationality *</source>
        <translation>国籍 *</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="55"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="56"/>
        <source>Entry</source>
        <translation>入国日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="57"/>
        <source>Stay from</source>
        <translation>在籍開始日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="58"/>
        <source>Stay until</source>
        <translation>在籍期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="59"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="60"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="61"/>
        <source>Supervisor</source>
        <translation>指導教員</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="62"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="63"/>
        <source>Funding</source>
        <translation>資金源</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="64"/>
        <source>Employed in Japan</source>
        <translation>国内での雇用</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="65"/>
        <source>Foreign contracts</source>
        <translation>外国との契約</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="75"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="75"/>
        <source>Action</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="75"/>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="75"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="83"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="87"/>
        <source>Import</source>
        <translation>取込み</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="114"/>
        <source>Tables (*.csv *.txt *.xlsx)</source>
        <translation>表（*.csv *.txt *.xlsx）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="130"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="136"/>
        <source>(not imported)</source>
        <translation>（取り込まない）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="163"/>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="163"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="193"/>
        <source>%1 rows have errors: correct the file or the mapping. Nothing is imported while any row is wrong.</source>
        <translation>%1行に誤りがあります。ファイル又は列の対応を直してください。誤りのある行が残る間は何も取り込みません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="200"/>
        <source>%1 new, %2 to update.</source>
        <translation>新規 %1 件、更新 %2 件。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_import.py" line="215"/>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>取り込みました：新規 %1 件、更新 %2 件、変更なし %3 件。</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="31"/>
        <source>Lists screened against</source>
        <translation>照合するリスト</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="41"/>
        <location filename="../../exportdesk/gui/lists_page.py" line="55"/>
        <source>List</source>
        <translation>リスト</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="42"/>
        <source>Measure</source>
        <translation>措置</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="43"/>
        <location filename="../../exportdesk/gui/lists_page.py" line="54"/>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="44"/>
        <location filename="../../exportdesk/gui/lists_page.py" line="56"/>
        <source>In force from</source>
        <translation>適用開始日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="45"/>
        <location filename="../../exportdesk/gui/lists_page.py" line="57"/>
        <source>Last update</source>
        <translation>最終更新日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="46"/>
        <location filename="../../exportdesk/gui/lists_page.py" line="58"/>
        <source>Entities</source>
        <translation>掲載数</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="47"/>
        <source>Threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="59"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="60"/>
        <source>Notice</source>
        <translation>告示</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="70"/>
        <source>Import a list…</source>
        <translation>リストを取り込む…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="84"/>
        <source>Imported versions</source>
        <translation>取り込んだ版</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="90"/>
        <source>Catch-all: licence needed</source>
        <translation>キャッチオール：許可申請が必要</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="91"/>
        <source>Export prohibited</source>
        <translation>輸出等禁止</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="105"/>
        <source>not imported</source>
        <translation>未取込</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/lists_page.py" line="131"/>
        <source>%n list(s) not imported yet: cases are not screened against them.</source>
        <translation>
            <numerusform>%n 件のリストが未取込です。案件はそのリストと照合されません。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/lists_page.py" line="135"/>
        <source>Every list is imported; cases are screened against all.</source>
        <translation>すべてのリストを取り込み済みです。案件はすべてのリストと照合されます。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="59"/>
        <source>ExportDesk: sign in</source>
        <translation>ExportDesk：サインイン</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="69"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="70"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="74"/>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/dialogs.py" line="81"/>
        <source>Campus database…</source>
        <translation>学内データベース…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="43"/>
        <source>Review queue</source>
        <translation>審査待ち一覧</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="50"/>
        <source>My cases</source>
        <translation>自分の案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="53"/>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="60"/>
        <source>Lists</source>
        <translation>リスト</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="66"/>
        <source>ICP</source>
        <translation>輸出管理規程</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="76"/>
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="82"/>
        <source>Internal audit</source>
        <translation>内部監査</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="88"/>
        <source>Users and roles</source>
        <translation>ユーザーと役割</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="127"/>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="128"/>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="195"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="196"/>
        <source>&amp;New case</source>
        <translation>新規案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="200"/>
        <source>&amp;Close case</source>
        <translation>案件を閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="204"/>
        <source>&amp;Open case or decision file…</source>
        <translation>案件・判断ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="209"/>
        <source>&amp;Export institution file…</source>
        <translation>機関設定ファイルを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="213"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="219"/>
        <source>&amp;End User List</source>
        <translation>外国ユーザーリスト(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="220"/>
        <source>&amp;Import a list version…</source>
        <translation>リストの版を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="224"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="235"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="236"/>
        <source>&amp;About ExportDesk</source>
        <translation>ExportDeskについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="260"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="271"/>
        <location filename="../../exportdesk/gui/main_window.py" line="294"/>
        <source>This file was already imported; nothing changed.</source>
        <translation>このファイルは既に取り込まれています。変更はありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="273"/>
        <source>Decision received: %1</source>
        <translation>判断を受け取りました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="284"/>
        <source>New sender</source>
        <translation>新しい送信者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="287"/>
        <source>Trust this key and import the case?</source>
        <translation>この鍵を信頼して案件を取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="298"/>
        <source>New case in the review queue: %1</source>
        <translation>審査待ち一覧に新しい案件が入りました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="300"/>
        <source>New round of an existing case: %1</source>
        <translation>既存の案件の再提出を受け付けました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="303"/>
        <source>Cannot import</source>
        <translation>取り込めません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="327"/>
        <source>Export institution file</source>
        <translation>機関設定ファイルを書き出す</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="342"/>
        <location filename="../../exportdesk/gui/main_window.py" line="347"/>
        <location filename="../../exportdesk/gui/main_window.py" line="357"/>
        <location filename="../../exportdesk/gui/main_window.py" line="372"/>
        <location filename="../../exportdesk/gui/main_window.py" line="380"/>
        <source>End User List</source>
        <translation>外国ユーザーリスト</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="342"/>
        <source>Lists (*.pdf *.csv *.xlsx)</source>
        <translation>リスト (*.pdf *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="347"/>
        <source>Effective date (YYYY-MM-DD):</source>
        <translation>施行日（YYYY-MM-DD）：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="357"/>
        <source>Not a date: %1</source>
        <translation>日付ではありません：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="365"/>
        <source>Imported version %1 with %2 entities.</source>
        <translation>版 %1（%2 件）を取り込みました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="370"/>
        <source>Cases whose screening result changed:</source>
        <translation>照合結果が変わった案件：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="384"/>
        <source>Importing the End User List…</source>
        <translation>外国ユーザーリストを取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/main_window.py" line="395"/>
        <source>ExportDesk: security export control for universities.
Forms version %1</source>
        <translation>ExportDesk：大学のための安全保障輸出管理
フォーム版 %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="212"/>
        <source>Reset password</source>
        <translation>パスワードの再設定</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="219"/>
        <source>New password for %1 (%2)</source>
        <translation>%1（%2）の新しいパスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="224"/>
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="225"/>
        <source>Password again</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="227"/>
        <source>Set password</source>
        <translation>パスワードを設定</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="227"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="236"/>
        <source>The two passwords differ.</source>
        <translation>パスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="644"/>
        <source>Search name, ID, supervisor, nationality</source>
        <translation>氏名・番号・指導教員・国籍で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="646"/>
        <source>Re-check open only</source>
        <translation>再確認が必要な人のみ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="647"/>
        <source>Import…</source>
        <translation>取込み…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="650"/>
        <source>New person…</source>
        <translation>人物の新規登録…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="654"/>
        <source>Applicant training…</source>
        <translation>申請者の研修…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="656"/>
        <source>Record the export-control training of an applicant (a user)</source>
        <translation>申請者（利用者）の輸出管理研修を記録します</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/people_page.py" line="750"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="772"/>
        <source>Training recorded.</source>
        <translation>研修を記録しました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="782"/>
        <source>Saved. A re-check was opened: %1</source>
        <translation>保存しました。再確認を開始しました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="785"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="103"/>
        <source>ID</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="104"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="105"/>
        <source>Native name</source>
        <translation>原語氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="106"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="107"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="108"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="109"/>
        <source>Supervisor</source>
        <translation>指導教員</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="110"/>
        <source>Entry</source>
        <translation>入国日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="111"/>
        <source>Stay from</source>
        <translation>在籍開始日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="112"/>
        <source>Stay until</source>
        <translation>在籍期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="113"/>
        <source>Declared</source>
        <translation>申告日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="114"/>
        <source>Categories</source>
        <translation>特定類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="115"/>
        <source>Pledges</source>
        <translation>誓約書</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="208"/>
        <source>none</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="215"/>
        <source>Re-check open</source>
        <translation>再確認が必要</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="60"/>
        <source>Edit person</source>
        <translation>人物の編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="60"/>
        <source>New person</source>
        <translation>人物の新規登録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="69"/>
        <source>e.g. MEXT scholarship, own funds</source>
        <translation>例：国費留学生（文部科学省奨学金）、私費</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="72"/>
        <source>Country</source>
        <translation>国・地域</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="95"/>
        <source>Employed in Japan</source>
        <translation>国内の機関に雇用されている</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="101"/>
        <source>Contracts with foreign bodies, one a line</source>
        <translation>外国の機関等との契約（1行に1件）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="104"/>
        <source>Student / staff ID</source>
        <translation>学籍番号・職員番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="105"/>
        <source>Family name</source>
        <translation>氏名（姓）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="106"/>
        <source>Given name</source>
        <translation>氏名（名）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="107"/>
        <source>Native name</source>
        <translation>原語・漢字氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="108"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="109"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="110"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="111"/>
        <source>Status</source>
        <translation>身分</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="112"/>
        <source>Department</source>
        <translation>所属部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="113"/>
        <source>Supervisor / host</source>
        <translation>指導教員・受入教員</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="114"/>
        <source>Host (user)</source>
        <translation>受入教員（利用者）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="115"/>
        <source>Latest entry to Japan</source>
        <translation>最新の入国日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="116"/>
        <source>Stay from</source>
        <translation>在籍開始日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="117"/>
        <source>Stay until</source>
        <translation>在籍期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="118"/>
        <source>Funding sources</source>
        <translation>資金源</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="119"/>
        <source>Employment</source>
        <translation>雇用</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="120"/>
        <source>Foreign contracts</source>
        <translation>外国との契約</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="133"/>
        <source>Who</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="139"/>
        <source>Status and stay</source>
        <translation>身分と在籍</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="145"/>
        <source>Funding, employment and foreign ties</source>
        <translation>資金・雇用・外国との関係</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="152"/>
        <source>These changes open a re-check by the export control office: %1</source>
        <translation>次の変更は輸出管理室による再確認の対象になります：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="166"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="167"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/person_form.py" line="292"/>
        <source>Please check: %1</source>
        <translation>次の項目を確認してください：%1</translation>
    </message>
</context>
<context>
    <name>PersonLink</name>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="31"/>
        <source>(no recorded person)</source>
        <translation>（登録された人物なし）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="48"/>
        <source>Person on record:</source>
        <translation>対象の人物：</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="84"/>
        <source>No declaration on record.</source>
        <translation>申告の記録がありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="87"/>
        <source>Answers from the declaration of %1 (%2 days old).</source>
        <translation>%1 の申告による回答です（%2 日前）。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_link.py" line="104"/>
        <source>Differs from the person&apos;s record (%1): the office will re-check.</source>
        <translation>人物の記録と異なります（%1）。輸出管理担当部署が再確認します。</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="299"/>
        <source>Declared on</source>
        <translation>申告日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="299"/>
        <source>Categories</source>
        <translation>特定類型</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="299"/>
        <source>Resident</source>
        <translation>居住者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="299"/>
        <location filename="../../exportdesk/gui/people_page.py" line="302"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="302"/>
        <source>Pledge</source>
        <translation>誓約書</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="302"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="302"/>
        <source>Scan (SHA-256)</source>
        <translation>スキャン（SHA-256）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="304"/>
        <source>Course</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="304"/>
        <source>Taken</source>
        <translation>受講日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="304"/>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="309"/>
        <source>Request</source>
        <translation>依頼</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="310"/>
        <source>Received…</source>
        <translation>受領…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="311"/>
        <source>Checked</source>
        <translation>確認済みにする</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="312"/>
        <source>Print pledge…</source>
        <translation>誓約書を印刷…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="313"/>
        <source>Record a declaration…</source>
        <translation>申告を記録…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="314"/>
        <source>Declaration checked</source>
        <translation>申告を確認済みにする</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="321"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="324"/>
        <source>Record training…</source>
        <translation>研修を記録…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="342"/>
        <source>Declarations</source>
        <translation>申告</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="354"/>
        <source>Pledges</source>
        <translation>誓約書</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="362"/>
        <location filename="../../exportdesk/gui/people_page.py" line="461"/>
        <source>Training</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="416"/>
        <source>Select a person</source>
        <translation>人物を選択してください</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="431"/>
        <source>Re-check open: %1</source>
        <translation>再確認が必要：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="442"/>
        <source>valid until %1</source>
        <translation>%1 まで有効</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="443"/>
        <source>expired on %1</source>
        <translation>%1 に期限切れ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="444"/>
        <source>not trained</source>
        <translation>未受講</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="447"/>
        <source>ID</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="448"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="449"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="450"/>
        <source>Supervisor</source>
        <translation>指導教員</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="451"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="452"/>
        <source>Entry</source>
        <translation>入国日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="453"/>
        <source>Stay from</source>
        <translation>在籍開始日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="454"/>
        <source>Stay until</source>
        <translation>在籍期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="455"/>
        <source>Funding</source>
        <translation>資金源</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="457"/>
        <source>Employed in Japan</source>
        <translation>国内での雇用</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="458"/>
        <location filename="../../exportdesk/gui/people_page.py" line="476"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="458"/>
        <location filename="../../exportdesk/gui/people_page.py" line="476"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="460"/>
        <source>Foreign contracts</source>
        <translation>外国との契約</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="485"/>
        <source>none</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="572"/>
        <source>Signed pledge</source>
        <translation>署名済みの誓約書</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_page.py" line="617"/>
        <source>Print pledge</source>
        <translation>誓約書を印刷</translation>
    </message>
</context>
<context>
    <name>PrintCase</name>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="30"/>
        <source>Save as PDF</source>
        <translation>PDFとして保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="56"/>
        <source>Printing failed</source>
        <translation>印刷できませんでした</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="57"/>
        <source>The PDF could not be made: %1</source>
        <translation>PDF を作成できませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/widgets/print_case.py" line="61"/>
        <source>Check the file location, or shorten very long answers, and try again.</source>
        <translation>保存先を確認するか、非常に長い回答を短くしてから、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="72"/>
        <source>Ref</source>
        <translation>案件番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="73"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="74"/>
        <source>Age (days)</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="75"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="76"/>
        <source>Planned date</source>
        <translation>実施予定日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="77"/>
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="78"/>
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="79"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="80"/>
        <source>Country group</source>
        <translation>国グループ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="81"/>
        <source>Why it came to the office</source>
        <translation>審査が必要な理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="82"/>
        <source>Applicant</source>
        <translation>申請者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="83"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="136"/>
        <source>Search title, counterpart or reference</source>
        <translation>件名・相手方・案件番号で検索</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="138"/>
        <location filename="../../exportdesk/gui/review.py" line="187"/>
        <source>Open cases</source>
        <translation>未処理の案件</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="141"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="165"/>
        <source>Open review sheet</source>
        <translation>審査票を開く</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="192"/>
        <source>No case matches the search or filter.</source>
        <translation>検索・絞り込みに該当する案件はありません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="195"/>
        <source>No case is waiting for the office. Submitted check sheets appear here; case files sent by e-mail are opened with File &gt; Open (or dropped here).</source>
        <translation>審査待ちの案件はありません。提出された確認シートはここに表示されます。メールで届いた案件ファイルは「ファイル」＞「開く」で開くか、ここにドロップしてください。</translation>
    </message>
</context>
<context>
    <name>ReportTextsDialog</name>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="377"/>
        <source>Report texts %1</source>
        <translation>報告書の本文 %1年</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="393"/>
        <source>Left empty, the report prints the text drafted from the figures.</source>
        <translation>空欄の場合は、集計値から作成した文案を印刷します。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="410"/>
        <source>Report texts</source>
        <translation>報告書の本文</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../exportdesk/gui/checksheet.py" line="113"/>
        <source>Reload</source>
        <translation>再読込み</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="408"/>
        <source>Review sheet</source>
        <translation>審査票</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="411"/>
        <source>Check-sheet answers</source>
        <translation>事前確認シートの回答</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="414"/>
        <source>Timeline</source>
        <translation>経過</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="421"/>
        <source>Attachments (%1)</source>
        <translation>添付ファイル（%1）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="429"/>
        <source>Comment (required to return the case)</source>
        <translation>コメント（差戻しには必須）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="430"/>
        <source>Start review</source>
        <translation>審査を開始</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="431"/>
        <source>Record decision</source>
        <translation>判断を記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="432"/>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="434"/>
        <source>Return to applicant</source>
        <translation>申請者に差し戻す</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="435"/>
        <source>Send decision file…</source>
        <translation>判断ファイルを送る…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="437"/>
        <source>Print / Save as PDF</source>
        <translation>印刷／PDF保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="454"/>
        <source>Reload</source>
        <translation>再読込み</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="525"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="525"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="541"/>
        <source>Item and sub-item, e.g. 5(1)</source>
        <translation>項番・号（例：5(1)）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="572"/>
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="723"/>
        <source>A colleague changed this review. Your unsaved input is kept; Reload to see their changes (Reload discards your input).</source>
        <translation>同僚がこの審査票を変更しました。保存していない入力はそのまま残っています。相手の変更を見るには「再読込み」を押してください（入力内容は破棄されます）。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="759"/>
        <source>Not possible</source>
        <translation>実行できません</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="794"/>
        <source>Saved to %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="805"/>
        <source>Choose a decision.</source>
        <translation>判断を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="849"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="916"/>
        <source>Send decision file</source>
        <translation>判断ファイルを送る</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="927"/>
        <source>Decision file written: %1</source>
        <translation>判断ファイルを作成しました：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="939"/>
        <source>Approvals</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="997"/>
        <source>created</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="998"/>
        <source>check sheet edited</source>
        <translation>事前確認シート編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="999"/>
        <source>status</source>
        <translation>状態変更</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1000"/>
        <source>review sheet edited</source>
        <translation>審査票編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1001"/>
        <source>decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1002"/>
        <source>approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1003"/>
        <source>question to applicant</source>
        <translation>申請者への質問</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1004"/>
        <source>applicant&apos;s answer</source>
        <translation>申請者の回答</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1005"/>
        <source>attachment</source>
        <translation>添付</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1006"/>
        <source>comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1007"/>
        <source>case file received</source>
        <translation>案件ファイルを受領</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1008"/>
        <source>decision file received</source>
        <translation>判断ファイルを受領</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1009"/>
        <source>case file written for the office</source>
        <translation>担当部署あての案件ファイルを作成</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1010"/>
        <source>file written</source>
        <translation>ファイルを出力</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1011"/>
        <source>screened against the lists</source>
        <translation>リストと照合</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1012"/>
        <source>screened again (new list)</source>
        <translation>再照合（新しいリスト）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1013"/>
        <source>list match resolved</source>
        <translation>照合候補を判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1014"/>
        <source>recorded as not screened</source>
        <translation>照合なしとして記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1015"/>
        <source>sender&apos;s key trusted</source>
        <translation>送信者の鍵を信頼</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="1017"/>
        <source>other change</source>
        <translation>その他の変更</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="41"/>
        <source>Applicant</source>
        <translation>申請者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="42"/>
        <source>Proxy (files for others)</source>
        <translation>代理申請者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="43"/>
        <source>Department manager</source>
        <translation>部局責任者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="44"/>
        <source>Export control office</source>
        <translation>輸出管理担当部署</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="45"/>
        <source>Chief export control manager</source>
        <translation>輸出管理統括責任者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="46"/>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="230"/>
        <source>Listed entity</source>
        <translation>掲載者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="231"/>
        <source>Matched name</source>
        <translation>一致した名称</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="232"/>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="233"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="234"/>
        <source>Resolution</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="243"/>
        <source>Note (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="244"/>
        <source>Add to known-good counterparts</source>
        <translation>問題のない相手方として登録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="245"/>
        <location filename="../../exportdesk/gui/review.py" line="306"/>
        <source>True match</source>
        <translation>該当と判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="246"/>
        <location filename="../../exportdesk/gui/review.py" line="307"/>
        <source>False positive</source>
        <translation>非該当と判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="247"/>
        <source>Screen now</source>
        <translation>今すぐ照合</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="260"/>
        <source>Why the counterpart is not screened</source>
        <translation>照合しない理由（例：リスト未取込み、相手方なし）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="261"/>
        <source>Record as not screened</source>
        <translation>照合なしとして記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="292"/>
        <source>Not screened: %1 (%2)</source>
        <translation>照合なし：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="297"/>
        <source>No End User List screening recorded for this case.</source>
        <translation>この案件の外国ユーザーリスト照合結果は記録されていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../exportdesk/gui/review.py" line="301"/>
        <source>%n possible match(es)</source>
        <translation>
            <numerusform>該当の可能性 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="308"/>
        <source>Open</source>
        <translation>未判断</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="314"/>
        <source>export prohibited</source>
        <translation>輸出等禁止</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/review.py" line="366"/>
        <source>No End User List has been imported yet.</source>
        <translation>外国ユーザーリストがまだ取り込まれていません。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="41"/>
        <source>ExportDesk: first-time set-up</source>
        <translation>ExportDesk：初期設定</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="44"/>
        <source>Set up from an institution file (a professor&apos;s or secretary&apos;s PC)</source>
        <translation>機関設定ファイルから設定する（教員・秘書のPC）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="48"/>
        <source>Set up a new institution (the export control office, once)</source>
        <translation>新しい機関を設定する（輸出管理担当部署で一度だけ）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="52"/>
        <source>Connect to the university&apos;s campus database (PostgreSQL)</source>
        <translation>大学の学内データベース（PostgreSQL）に接続する</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="66"/>
        <source>The export control office sets ExportDesk up once and gives everyone an institution file (institution.exportdesk). If you received one, choose the first option.</source>
        <translation>輸出管理担当部署がExportDeskを一度設定し、全員に機関設定ファイル（institution.exportdesk）を配布します。このファイルを受け取った方は、一つ目を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="95"/>
        <location filename="../../exportdesk/gui/setup.py" line="184"/>
        <source>Set up</source>
        <translation>設定する</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="95"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="110"/>
        <source>Choose the institution file…</source>
        <translation>機関設定ファイルを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="112"/>
        <source>No file chosen.</source>
        <translation>ファイルが選ばれていません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="119"/>
        <source>Your department</source>
        <translation>所属部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="129"/>
        <source>Small university: one central office</source>
        <translation>小規模大学型：輸出管理担当部署が一元的に管理</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="130"/>
        <source>Large university: department managers, then the office</source>
        <translation>大規模大学型：部局の輸出管理責任者、次に担当部署</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="140"/>
        <source>One per line: CODE, Japanese name, English name</source>
        <translation>1行に1部局：コード, 日本語名, 英語名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="146"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="149"/>
        <source>Institution name (Japanese)</source>
        <translation>機関名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="150"/>
        <source>Institution name (English)</source>
        <translation>機関名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="151"/>
        <source>ICP format</source>
        <translation>規程の様式</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="152"/>
        <source>Office name (Japanese)</source>
        <translation>担当部署名（日本語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="153"/>
        <source>Office name (English)</source>
        <translation>担当部署名（英語）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="154"/>
        <source>Office e-mail</source>
        <translation>担当部署のメールアドレス</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="155"/>
        <source>Departments</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="156"/>
        <source>Retention period</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="163"/>
        <source>Where the university keeps one ExportDesk database for everyone, enter its address (from the export control office or IT). It is kept for the next start; you sign in with your own user name and password.</source>
        <translation>大学が全員共通のExportDeskデータベースを運用している場合は、そのアドレスを入力してください（輸出管理担当部署又は情報システム担当から案内されます）。次回以降も使われます。サインインには各自のユーザー名とパスワードを使います。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="175"/>
        <source>Campus address</source>
        <translation>学内データベースのアドレス</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="184"/>
        <source>Continue</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="186"/>
        <source>Administrator user name</source>
        <translation>管理者のユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="187"/>
        <source>Administrator full name</source>
        <translation>管理者の氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="91"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="92"/>
        <source>Password again</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="189"/>
        <source>Your user name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="190"/>
        <source>Your full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="218"/>
        <source>%1 — institution file of %2</source>
        <translation>%1 — %2の機関設定ファイル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="221"/>
        <source>Office key fingerprint: %1</source>
        <translation>担当部署の鍵の指紋：%1（担当部署が案内する指紋と一致することを確認してください）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="225"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="249"/>
        <source>The setting could not be saved: %1</source>
        <translation>設定を保存できませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="260"/>
        <location filename="../../exportdesk/gui/setup.py" line="296"/>
        <source>The two passwords differ.</source>
        <translation>パスワードが一致しません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="117"/>
        <location filename="../../exportdesk/gui/setup.py" line="201"/>
        <source>Institution file</source>
        <translation>機関設定ファイル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="266"/>
        <source>Choose the institution file first.</source>
        <translation>先に機関設定ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/setup.py" line="302"/>
        <source>Cannot read this department line: %1</source>
        <translation>次の部局の行を読み取れません：%1</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="69"/>
        <source>Calendar year</source>
        <translation>暦年</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="70"/>
        <source>Fiscal year (April–March)</source>
        <translation>年度（4月～3月）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="71"/>
        <source>Annual report (PDF)…</source>
        <translation>年次報告（PDF）…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="72"/>
        <source>Report texts…</source>
        <translation>報告書の本文…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="75"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="87"/>
        <source>By month and activity</source>
        <translation>月別・活動別</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="88"/>
        <source>By activity</source>
        <translation>活動別</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="89"/>
        <source>By outcome</source>
        <translation>判定結果別</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="90"/>
        <source>By decision</source>
        <translation>審査の判断別</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="91"/>
        <source>By country group and outcome</source>
        <translation>国グループ別・判定結果別</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="92"/>
        <source>By department</source>
        <translation>部局別</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="93"/>
        <source>Review time</source>
        <translation>審査期間</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="94"/>
        <source>End User List hits</source>
        <translation>外国ユーザーリストのヒット</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="95"/>
        <source>Licences applied for</source>
        <translation>許可申請</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="154"/>
        <source>%1 d</source>
        <translation>%1日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="159"/>
        <source>Cases filed: %1 · needing review: %2 · licences applied for: %3 · review time median %4, 90th percentile %5 · End User List hits: %6 (unresolved %7)</source>
        <translation>提出 %1件・審査対象 %2件・許可申請 %3件・審査期間 中央値 %4、90%値 %5・外国ユーザーリストのヒット %6件（未解消 %7件）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="246"/>
        <source>Click a bar to list its cases.</source>
        <translation>棒をクリックすると、その案件を一覧表示します。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="262"/>
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="266"/>
        <source>Cases behind “%1”: %2 (double-click to open)</source>
        <translation>「%1」の案件：%2件（ダブルクリックで開く）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="271"/>
        <source>Reference</source>
        <translation>案件番号</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="272"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="273"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="274"/>
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="275"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="276"/>
        <source>Filed</source>
        <translation>提出日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="300"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="301"/>
        <source>Decided</source>
        <translation>審査済</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="302"/>
        <source>Median (days)</source>
        <translation>中央値（日）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="303"/>
        <source>90th percentile (days)</source>
        <translation>90%値（日）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="305"/>
        <source>Review time from filing to decision, by department</source>
        <translation>部局別の審査期間（提出から判断まで）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/statistics.py" line="342"/>
        <location filename="../../exportdesk/gui/statistics.py" line="354"/>
        <location filename="../../exportdesk/gui/statistics.py" line="357"/>
        <source>Annual report</source>
        <translation>年次報告</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="45"/>
        <source>Record training</source>
        <translation>研修の記録</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="53"/>
        <location filename="../../exportdesk/gui/people_training.py" line="95"/>
        <source>Applicant</source>
        <translation>申請者</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="57"/>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="64"/>
        <source>Course, or type another</source>
        <translation>研修名（一覧にない場合は入力）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="67"/>
        <source>default</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="70"/>
        <source>Empty: valid %1 months from the day taken</source>
        <translation>空欄の場合は受講日から%1か月有効</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="72"/>
        <location filename="../../exportdesk/gui/people_training.py" line="92"/>
        <source>Course</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="73"/>
        <location filename="../../exportdesk/gui/people_training.py" line="93"/>
        <source>Taken on</source>
        <translation>受講日</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="74"/>
        <location filename="../../exportdesk/gui/people_training.py" line="94"/>
        <source>Expires on</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="83"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="84"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/people_training.py" line="124"/>
        <source>Please check: %1</source>
        <translation>次の項目を確認してください：%1</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="69"/>
        <source>New user</source>
        <translation>新しいユーザー</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="69"/>
        <source>Edit user</source>
        <translation>ユーザーの編集</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="77"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="126"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="127"/>
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="128"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="129"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="131"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="132"/>
        <source>Password again</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="134"/>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="136"/>
        <source>Manages these departments</source>
        <translation>管理する部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="138"/>
        <source>Files cases for</source>
        <translation>代理申請の相手</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="141"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="141"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="175"/>
        <source>Choose at least one role.</source>
        <translation>役割を一つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="178"/>
        <source>Choose the departments this manager manages.</source>
        <translation>部局責任者が管理する部局を選んでください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="181"/>
        <source>The two passwords differ.</source>
        <translation>パスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="260"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="260"/>
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="260"/>
        <source>Department</source>
        <translation>部局</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="260"/>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="261"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="273"/>
        <source>New user…</source>
        <translation>新しいユーザー…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="274"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="275"/>
        <source>Reset password…</source>
        <translation>パスワードの再設定…</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="276"/>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="277"/>
        <location filename="../../exportdesk/gui/users.py" line="373"/>
        <location filename="../../exportdesk/gui/users.py" line="437"/>
        <source>Deactivate</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="299"/>
        <source>Accounts on this installation. Every change is recorded in the audit log. Deactivated accounts keep their cases and history.</source>
        <translation>このインストールのアカウントです。変更はすべて監査記録に残ります。無効にしたアカウントの案件と履歴はそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="330"/>
        <source>for %1</source>
        <translation>%1の代理</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="335"/>
        <source>Deactivated</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="337"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="339"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="373"/>
        <source>Reactivate</source>
        <translation>有効に戻す</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="393"/>
        <source>The account was created.</source>
        <translation>アカウントを作成しました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="401"/>
        <source>The account was saved.</source>
        <translation>アカウントを保存しました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="410"/>
        <source>The new password is set. Tell it to %1 in person.</source>
        <translation>新しいパスワードを設定しました。%1さんに直接伝えてください。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="427"/>
        <source>%1 can sign in again.</source>
        <translation>%1さんは再びサインインできます。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="438"/>
        <source>Deactivate the account of %1? Their cases and history stay.</source>
        <translation>%1さんのアカウントを無効にしますか？案件と履歴は残ります。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="446"/>
        <source>%1 is deactivated.</source>
        <translation>%1さんのアカウントを無効にしました。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/users.py" line="446"/>
        <source>%1 is active again.</source>
        <translation>%1さんのアカウントを有効に戻しました。</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../exportdesk/gui/crash.py" line="68"/>
        <source>Something went wrong and this action was not completed.</source>
        <translation>問題が発生したため、この操作は完了していません。</translation>
    </message>
    <message>
        <location filename="../../exportdesk/gui/crash.py" line="71"/>
        <source>The details were written to %1.</source>
        <translation>詳細は %1 に記録しました。</translation>
    </message>
</context>
</TS>
