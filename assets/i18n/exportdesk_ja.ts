<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
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
</TS>