<?xml version="1.0" encoding="UTF-8"?>
<!--
  CN-FJ placement: 随班就读认定书 / 安置建议书 as an official letter in the layout of
  GB/T 9704-2012 (党政机关公文格式): red 发文机关标志 35 mm below the text area's top, 发文字号
  above a red rule, title, 主送, body of 28 characters a line and 22 lines a page with a
  two-character first-line indent, issuing authority and date at the lower right as an unsealed
  letter sets them (no seal is printed), 版记 (抄送 and 印发) between rules on the text area's
  bottom edge of the last page (always even), and "— 1 —" page numbers on the outside corners.
  Wording follows seed 001 第三步 and 000 §3-4.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:p="urn:inclusio:placement:1" exclude-result-prefixes="p">
  <xsl:import href="common.xsl"/>

  <!-- GB/T 9704-2012 in numbers (mm unless said): A4; 天头 37, 订口 28 (odd pages; 26 on even
       pages, mirrored), 版心 156 × 225; body 3号 (16pt) 仿宋, 28 characters a line (a pitch of
       156 mm / 28 = 15.7893pt: letter-spacing −0.2107pt) and 22 lines a page (225 mm / 22 = 28.95pt). -->
  <xsl:variable name="pitch" select="15.7893"/>
  <xsl:variable name="line" select="'28.95pt'"/>
  <!-- Faces by family: the office's own 仿宋/楷体/黑体/方正小标宋 when installed, else free
       substitutes from Debian: Noto Serif CJK SC (宋) for 仿宋 and, bold, for 小标宋 (no free
       simplified 仿宋 or 小标宋 exists); AR PL UKai CN (fonts-arphic-ukai) for 楷体; Noto Sans CJK SC for 黑体. -->
  <xsl:variable name="fangsong" select="'仿宋, FangSong, 仿宋_GB2312, FangSong_GB2312, serif'"/>
  <xsl:variable name="kaiti" select="'楷体, KaiTi, 楷体_GB2312, KaiTi_GB2312, AR PL UKai CN, serif'"/>
  <xsl:variable name="xiaobiaosong" select="'方正小标宋简体, FZXiaoBiaoSong-B05S, serif'"/>

  <xsl:template match="/">
    <xsl:if test="not(p:placement)">
      <xsl:message terminate="yes">This form prints placement records (urn:inclusio:placement:1) only.</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="p:placement"/>
  </xsl:template>

  <!-- A page master: $left and $right margins (订口 28 mm on odd pages, 26 mm on even ones);
       the region-after holds the page number 7 mm below the text area ($foot mm above it: the 版记). -->
  <xsl:template name="master">
    <xsl:param name="name"/>
    <xsl:param name="left"/>
    <xsl:param name="right"/>
    <xsl:param name="foot" select="0"/>
    <fo:simple-page-master master-name="{$name}" page-width="210mm" page-height="297mm"
        margin-top="37mm" margin-bottom="20mm" margin-left="{$left}mm" margin-right="{$right}mm">
      <fo:region-body margin-bottom="{15 + $foot}mm"/>
      <fo:region-after extent="{15 + $foot}mm" region-name="{$name}-after"/>
    </fo:simple-page-master>
  </xsl:template>

  <!-- "— 1 —": 4号 (14pt) half-width digits between 一字线, one character in from the outside edge. -->
  <xsl:template name="page-number">
    <xsl:param name="side"/>
    <fo:block font-family="serif" font-size="14pt" line-height="14pt" padding-top="4.4mm" text-align="{$side}">
      <xsl:choose>
        <xsl:when test="$side = 'end'"><xsl:attribute name="end-indent">14pt</xsl:attribute></xsl:when>
        <xsl:otherwise><xsl:attribute name="start-indent">14pt</xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <xsl:text>— </xsl:text><fo:page-number/><xsl:text> —</xsl:text>
    </fo:block>
  </xsl:template>

  <xsl:template match="p:placement">
    <xsl:variable name="pupil"><xsl:apply-templates select="p:pupil/p:name" mode="plain-name"/></xsl:variable>
    <xsl:variable name="issuer" select="p:header/p:issuingAuthority/p:name"/>
    <xsl:variable name="date"><xsl:call-template name="date"><xsl:with-param name="iso" select="p:header/p:issuedDate"/></xsl:call-template></xsl:variable>
    <xsl:variable name="copies">
      <xsl:text>抄送：</xsl:text>
      <xsl:value-of select="p:school/p:name"/>
      <xsl:if test="p:cn/p:expertAssessment/p:committee">
        <xsl:text>，</xsl:text><xsl:value-of select="p:cn/p:expertAssessment/p:committee"/>
      </xsl:if>
      <xsl:text>。</xsl:text>
    </xsl:variable>
    <!-- 版记: the 抄送 rows (4号: 29 characters on the first line, 26 on the next, which align
         after the colon) and the 印发 row, 7 mm lines with 1.5 mm padding, between a 0.35 mm rule
         above, a 0.25 mm rule between and a 0.35 mm rule below on the text area's bottom edge. -->
    <xsl:variable name="copy-lines" select="1 + ceiling((string-length($copies) &gt; 29) * (string-length($copies) - 29) div 26)"/>
    <xsl:variable name="banji-height" select="0.7 + 0.25 + 2 * 10 + 7 * ($copy-lines - 1)"/>
    <fo:root xml:lang="{$lang}" font-family="{$fangsong}" font-size="16pt" line-height="{$line}" letter-spacing="-0.2107pt">
      <fo:layout-master-set>
        <xsl:call-template name="master"><xsl:with-param name="name" select="'odd'"/><xsl:with-param name="left" select="28"/><xsl:with-param name="right" select="26"/></xsl:call-template>
        <xsl:call-template name="master"><xsl:with-param name="name" select="'even'"/><xsl:with-param name="left" select="26"/><xsl:with-param name="right" select="28"/></xsl:call-template>
        <!-- The last page, always even: the 版记 above the page number, one blank line below the text. -->
        <xsl:call-template name="master">
          <xsl:with-param name="name" select="'last'"/><xsl:with-param name="left" select="26"/><xsl:with-param name="right" select="28"/>
          <xsl:with-param name="foot" select="$banji-height"/>
        </xsl:call-template>
        <fo:page-sequence-master master-name="letter">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="last" page-position="last" odd-or-even="even"/>
            <fo:conditional-page-master-reference master-reference="odd" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="even" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="letter" id="sequence" force-page-count="end-on-even">
        <fo:static-content flow-name="odd-after">
          <xsl:call-template name="page-number"><xsl:with-param name="side" select="'end'"/></xsl:call-template>
        </fo:static-content>
        <fo:static-content flow-name="even-after">
          <xsl:call-template name="page-number"><xsl:with-param name="side" select="'start'"/></xsl:call-template>
        </fo:static-content>
        <fo:static-content flow-name="last-after">
          <!-- 版记: 抄送 (4号, one character in on each side), then 印发机关 and 印发日期. -->
          <fo:block-container height="{$banji-height - 0.7}mm" border-top="0.35mm solid black" border-bottom="0.35mm solid black">
            <fo:block font-size="14pt" line-height="7mm" padding="1.5mm 0mm" start-indent="56pt" text-indent="-42pt" end-indent="14pt"
                border-bottom="0.25mm solid black" letter-spacing="0pt">
              <xsl:value-of select="$copies"/>
            </fo:block>
            <fo:table table-layout="fixed" width="100%">
              <fo:table-column column-width="proportional-column-width(3)"/>
              <fo:table-column column-width="proportional-column-width(2)"/>
              <fo:table-body>
                <fo:table-row>
                  <fo:table-cell padding="1.5mm 0mm"><fo:block font-size="14pt" line-height="7mm" start-indent="14pt" letter-spacing="0pt">
                    <xsl:value-of select="$issuer"/><xsl:value-of select="p:header/p:issuingAuthority/p:unit"/>
                  </fo:block></fo:table-cell>
                  <fo:table-cell padding="1.5mm 0mm"><fo:block font-size="14pt" line-height="7mm" text-align="end" end-indent="14pt" letter-spacing="0pt">
                    <xsl:value-of select="$date"/><xsl:text>印发</xsl:text>
                  </fo:block></fo:table-cell>
                </fo:table-row>
              </fo:table-body>
            </fo:table>
          </fo:block-container>
          <xsl:call-template name="page-number"><xsl:with-param name="side" select="'start'"/></xsl:call-template>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <!-- 发文机关标志: red 小标宋, the top of its characters' em box 35 mm below the text area's top
               (35 mm less the 2.1pt the substitute face's ascent adds above the em box at 36pt). -->
          <fo:block font-family="{$xiaobiaosong}" font-size="36pt" line-height="36pt" font-weight="bold" color="red"
              text-align="center" padding-top="97.1pt" letter-spacing="0pt">
            <xsl:value-of select="$issuer"/>
          </fo:block>
          <!-- 发文字号 two lines below it, centred; the red rule, as wide as the text, 4 mm below it. -->
          <fo:block text-align="center" space-before="57.9pt" padding-bottom="4.87pt" border-bottom="1pt solid red">
            <xsl:value-of select="p:header/p:referenceNumber"/>
          </fo:block>
          <!-- 标题: 2号 小标宋, two lines below the rule. -->
          <fo:block font-family="{$xiaobiaosong}" font-size="22pt" font-weight="bold" text-align="center" space-before="57.9pt"
              letter-spacing="0pt">
            <xsl:value-of select="p:cn/p:documentType"/>
          </fo:block>
          <!-- 主送: one line below the title, flush left. -->
          <fo:block space-before="{$line}">
            <xsl:apply-templates select="p:guardian[1]/p:name" mode="plain-name"/>
            <xsl:text>（</xsl:text><xsl:value-of select="$pupil"/><xsl:text>同学的</xsl:text>
            <xsl:call-template name="value"><xsl:with-param name="node" select="p:guardian[1]/p:relation"/></xsl:call-template>
            <xsl:text>）：</xsl:text>
          </fo:block>
          <xsl:apply-templates select="p:cn">
            <xsl:with-param name="pupil" select="$pupil"/>
          </xsl:apply-templates>
          <fo:block text-indent="{2 * $pitch}pt" text-align="justify">
            <xsl:choose>
              <xsl:when test="p:cn/p:documentType = '安置建议书'">特此告知。</xsl:when>
              <xsl:otherwise>特此通知。</xsl:otherwise>
            </xsl:choose>
          </fo:block>
          <!-- 发文机关署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): one line below the text, the
               issuer two characters in from the right, the date on the next line starting two characters
               right of the issuer's first; a date longer than that moves the issuer left. Digits are half width. -->
          <xsl:variable name="issuer-width" select="string-length($issuer)"/>
          <xsl:variable name="date-width" select="string-length($date) - 0.5 * (string-length($date) - string-length(translate($date, '0123456789', '')))"/>
          <xsl:variable name="right" select="2 + (($date-width + 2 - $issuer-width) &gt; 0) * ($date-width + 2 - $issuer-width)"/>
          <fo:block keep-with-next.within-page="always" space-before="{$line}" text-align="end" end-indent="{$right * $pitch}pt">
            <xsl:value-of select="$issuer"/>
          </fo:block>
          <fo:block start-indent="{(28 - $right - $issuer-width + 2) * $pitch}pt">
            <xsl:value-of select="$date"/>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="p:cn">
    <xsl:param name="pupil"/>
    <xsl:variable name="record" select=".."/>
    <fo:block text-indent="{2 * $pitch}pt" text-align="justify">
      <xsl:text>你于</xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="iso" select="p:applicationDate"/></xsl:call-template>
      <xsl:text>为</xsl:text><xsl:value-of select="$pupil"/>
      <xsl:text>同学（</xsl:text>
      <xsl:call-template name="value"><xsl:with-param name="node" select="$record/p:pupil/p:sex"/></xsl:call-template>
      <xsl:text>，</xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="iso" select="$record/p:pupil/p:birthDate"/></xsl:call-template>
      <xsl:text>出生</xsl:text>
      <xsl:if test="p:disability">
        <xsl:text>，</xsl:text><xsl:value-of select="p:disability/p:category"/><xsl:value-of select="p:disability/p:grade"/>
      </xsl:if>
      <xsl:text>）提出的入学安置申请收悉。</xsl:text>
    </fo:block>
    <fo:block text-indent="{2 * $pitch}pt" text-align="justify">
      <xsl:value-of select="p:expertAssessment/p:committee"/>
      <xsl:text>于</xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="iso" select="p:expertAssessment/p:assessmentDate"/></xsl:call-template>
      <xsl:text>通过</xsl:text>
      <xsl:for-each select="p:expertAssessment/p:method">
        <xsl:if test="position() > 1">、</xsl:if><xsl:value-of select="."/>
      </xsl:for-each>
      <xsl:text>进行了</xsl:text><xsl:value-of select="p:expertAssessment/p:assessmentType"/>
      <xsl:text>，评估结论为：</xsl:text><xsl:value-of select="p:expertAssessment/p:conclusion"/><xsl:text>。</xsl:text>
      <xsl:value-of select="p:expertAssessment/p:conclusionText"/>
    </fo:block>
    <fo:block text-indent="{2 * $pitch}pt" text-align="justify">
      <!-- 001 第三步 calls the document 安置建议 (advice) and the county bureau 认定s (000 §1):
           a 安置建议书 advises a placement, a 随班就读认定书 states the 认定; neither says 现决定. -->
      <xsl:text>根据《福建省教育厅关于加强残疾儿童少年义务教育阶段随班就读工作的通知》（闽教规〔2023〕4号），</xsl:text>
      <xsl:choose>
        <xsl:when test="p:documentType = '安置建议书'">
          <xsl:text>经评估研究，提出安置建议如下：</xsl:text>
          <fo:inline font-weight="bold">
            <xsl:value-of select="$pupil"/><xsl:text>同学建议安置形式为</xsl:text><xsl:value-of select="p:placementForm"/>
          </fo:inline>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>经评估研究，予以认定：</xsl:text>
          <fo:inline font-weight="bold">
            <xsl:value-of select="$pupil"/><xsl:text>同学的安置形式为</xsl:text><xsl:value-of select="p:placementForm"/>
          </fo:inline>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$record/p:school">
        <xsl:text>，由</xsl:text><xsl:value-of select="$record/p:school/p:name"/>
        <xsl:if test="$record/p:school/p:className">（<xsl:value-of select="$record/p:school/p:className"/>）</xsl:if>
        <xsl:text>负责实施</xsl:text>
      </xsl:if>
      <xsl:if test="p:enrolmentDate">
        <xsl:text>，自</xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="iso" select="p:enrolmentDate"/></xsl:call-template>
        <xsl:text>起执行</xsl:text>
      </xsl:if>
      <xsl:text>。</xsl:text>
    </fo:block>
    <xsl:if test="p:support">
      <fo:block text-indent="{2 * $pitch}pt" text-align="justify">学校和有关单位将提供以下支持：</fo:block>
      <xsl:for-each select="p:support">
        <fo:block text-indent="{2 * $pitch}pt" text-align="justify">
          <!-- 第二层 "（一）" in 楷体. -->
          <fo:inline font-family="{$kaiti}">
            <xsl:text>（</xsl:text><xsl:call-template name="chinese-number"/><xsl:text>）</xsl:text>
            <xsl:value-of select="p:category"/><xsl:text>。</xsl:text>
          </fo:inline>
          <xsl:value-of select="p:description"/>
          <xsl:if test="p:provider">（<xsl:value-of select="p:provider"/>）</xsl:if>
        </fo:block>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="p:educationalAdvice">
      <fo:block text-indent="{2 * $pitch}pt" text-align="justify">初步教育建议：</fo:block>
      <xsl:for-each select="p:educationalAdvice">
        <fo:block text-indent="{2 * $pitch}pt" text-align="justify"><xsl:value-of select="position()"/>．<xsl:value-of select="."/></fo:block>
      </xsl:for-each>
    </xsl:if>
    <fo:block text-indent="{2 * $pitch}pt" text-align="justify">
      <xsl:text>请监护人持本</xsl:text><xsl:value-of select="p:documentType"/>
      <!-- 000 §2, in its words: the guardian applies through the school; the interval is "一般" (as a rule) not shorter than a semester. -->
      <xsl:text>按时到校办理相关手续。学生残疾情况发生明显变化的，监护人可通过学校向属地教育行政部门申请复测和重新认定，申请复测和重新认定时间间隔一般不短于一个学期。如有疑问，请与</xsl:text>
      <xsl:value-of select="$record/p:header/p:issuingAuthority/p:name"/><xsl:value-of select="$record/p:header/p:issuingAuthority/p:unit"/>
      <xsl:text>联系。</xsl:text>
    </fo:block>
  </xsl:template>

  <!-- 一 to 二十 for the numbered support items. -->
  <xsl:template name="chinese-number">
    <xsl:variable name="n" select="position()"/>
    <xsl:variable name="digits" select="'一二三四五六七八九'"/>
    <xsl:choose>
      <xsl:when test="$n &lt; 10"><xsl:value-of select="substring($digits, $n, 1)"/></xsl:when>
      <xsl:when test="$n = 10">十</xsl:when>
      <xsl:otherwise>十<xsl:value-of select="substring($digits, $n - 10, 1)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="plain-name">
    <xsl:call-template name="name-in-order"><xsl:with-param name="separator" select="''"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
