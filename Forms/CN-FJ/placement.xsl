<?xml version="1.0" encoding="UTF-8"?>
<!--
  CN-FJ placement: 随班就读认定书 / 安置建议书 as an official letter in the layout of
  GB/T 9704-2012 (党政机关公文格式): red issuing-authority mark, 发文字号 above a red rule,
  title, 主送, body with a two-character first-line indent, issuing authority and date at the
  lower right with room for the seal, 版记 (抄送 and 印发) between thin rules at the foot of
  the last page, "第 1 页 共 2 页" page numbers. Wording follows seed 001 第三步 and 000 §3-4.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:p="urn:inclusio:placement:1" exclude-result-prefixes="p">
  <xsl:import href="common.xsl"/>

  <!-- GB/T 9704: A4, top margin 37 mm, left 28 mm, right 26 mm, body 156 mm × 225 mm. -->
  <xsl:variable name="body-height" select="225"/>
  <!-- The foot of the last page (signature, seal, 版记), kept clear of the text. -->
  <xsl:variable name="foot-height" select="70"/>

  <xsl:template match="/">
    <xsl:if test="not(p:placement)">
      <xsl:message terminate="yes">This form prints placement records (urn:inclusio:placement:1) only.</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="p:placement"/>
  </xsl:template>

  <xsl:template match="p:placement">
    <xsl:variable name="pupil"><xsl:apply-templates select="p:pupil/p:name" mode="plain-name"/></xsl:variable>
    <fo:root xml:lang="{$lang}" font-family="serif" font-size="16pt" line-height="28pt">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="letter" page-width="210mm" page-height="297mm"
            margin-top="37mm" margin-bottom="20mm" margin-left="28mm" margin-right="26mm">
          <fo:region-body margin-bottom="15mm"/>
          <fo:region-after extent="12mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="letter" id="sequence">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="11pt" line-height="14pt" text-align="center">
            <xsl:call-template name="page-numbers"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <!-- 发文机关标志 -->
          <fo:block font-size="26pt" line-height="34pt" font-weight="bold" color="red" text-align="center"
              letter-spacing="1mm" space-before="6mm">
            <xsl:value-of select="p:header/p:issuingAuthority/p:name"/>
          </fo:block>
          <!-- 发文字号, then the red separating rule -->
          <fo:block text-align="center" space-before="8mm" padding-bottom="4mm" border-bottom="2pt solid red">
            <xsl:value-of select="p:header/p:referenceNumber"/>
          </fo:block>
          <!-- 标题 -->
          <fo:block font-size="22pt" line-height="32pt" font-weight="bold" text-align="center" space-before="10mm" space-after="8mm">
            <xsl:value-of select="p:cn/p:documentType"/>
          </fo:block>
          <!-- 主送 -->
          <fo:block>
            <xsl:apply-templates select="p:guardian[1]/p:name" mode="plain-name"/>
            <xsl:text>（</xsl:text><xsl:value-of select="$pupil"/><xsl:text>同学的</xsl:text>
            <xsl:call-template name="value"><xsl:with-param name="node" select="p:guardian[1]/p:relation"/></xsl:call-template>
            <xsl:text>）：</xsl:text>
          </fo:block>
          <xsl:apply-templates select="p:cn">
            <xsl:with-param name="pupil" select="$pupil"/>
          </xsl:apply-templates>
          <fo:block text-indent="2em" text-align="justify">
            <xsl:choose>
              <xsl:when test="p:cn/p:documentType = '安置建议书'">特此告知。</xsl:when>
              <xsl:otherwise>特此通知。</xsl:otherwise>
            </xsl:choose>
          </fo:block>
          <!-- Keeps the foot clear: this box moves to a new page when the text leaves too little room. -->
          <fo:block-container height="{$foot-height}mm"><fo:block/></fo:block-container>
          <!-- Seal area (发文机关印章), over the issuer and date as GB/T 9704 places it. -->
          <fo:block-container absolute-position="absolute" top="{$body-height - $foot-height - 4}mm" left="98mm"
              width="40mm" height="40mm" border="0.5pt dashed #d08080">
            <fo:block font-size="9pt" line-height="12pt" color="#d08080" text-align="center" space-before="15mm">（印章）</fo:block>
          </fo:block-container>
          <fo:block-container absolute-position="absolute" top="{$body-height - $foot-height + 8}mm" left="0mm"
              width="156mm" height="{$foot-height - 8}mm">
            <fo:block text-align="end" end-indent="10mm"><xsl:value-of select="p:header/p:issuingAuthority/p:name"/></fo:block>
            <fo:block text-align="end" end-indent="14mm">
              <xsl:call-template name="date"><xsl:with-param name="iso" select="p:header/p:issuedDate"/></xsl:call-template>
            </fo:block>
            <!-- 版记: 抄送, then 印发机关 and 印发日期, between rules -->
            <fo:block font-size="12pt" line-height="18pt" space-before="10mm" border-top="0.75pt solid black"
                border-bottom="0.5pt solid black" padding="1mm 0mm" start-indent="1em" end-indent="1em">
              <xsl:text>抄送：</xsl:text>
              <xsl:value-of select="p:school/p:name"/>
              <xsl:if test="p:cn/p:expertAssessment/p:committee">
                <xsl:text>，</xsl:text><xsl:value-of select="p:cn/p:expertAssessment/p:committee"/>
              </xsl:if>
              <xsl:text>。</xsl:text>
            </fo:block>
            <fo:table table-layout="fixed" width="156mm" border-bottom="0.75pt solid black">
              <fo:table-column column-width="proportional-column-width(3)"/>
              <fo:table-column column-width="proportional-column-width(2)"/>
              <fo:table-body>
                <fo:table-row>
                  <fo:table-cell padding="1mm 0mm"><fo:block font-size="12pt" line-height="18pt" start-indent="1em">
                    <xsl:value-of select="p:header/p:issuingAuthority/p:name"/><xsl:value-of select="p:header/p:issuingAuthority/p:unit"/>
                  </fo:block></fo:table-cell>
                  <fo:table-cell padding="1mm 0mm"><fo:block font-size="12pt" line-height="18pt" text-align="end" end-indent="1em">
                    <xsl:call-template name="date"><xsl:with-param name="iso" select="p:header/p:issuedDate"/></xsl:call-template>
                    <xsl:text>印发</xsl:text>
                  </fo:block></fo:table-cell>
                </fo:table-row>
              </fo:table-body>
            </fo:table>
          </fo:block-container>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="p:cn">
    <xsl:param name="pupil"/>
    <xsl:variable name="record" select=".."/>
    <fo:block text-indent="2em" text-align="justify">
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
    <fo:block text-indent="2em" text-align="justify">
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
    <fo:block text-indent="2em" text-align="justify">
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
      <fo:block text-indent="2em" text-align="justify">学校和有关单位将提供以下支持：</fo:block>
      <xsl:for-each select="p:support">
        <fo:block text-indent="2em" text-align="justify">
          <xsl:text>（</xsl:text><xsl:call-template name="chinese-number"/><xsl:text>）</xsl:text>
          <xsl:value-of select="p:category"/><xsl:text>。</xsl:text><xsl:value-of select="p:description"/>
          <xsl:if test="p:provider">（<xsl:value-of select="p:provider"/>）</xsl:if>
        </fo:block>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="p:educationalAdvice">
      <fo:block text-indent="2em" text-align="justify">初步教育建议：</fo:block>
      <xsl:for-each select="p:educationalAdvice">
        <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="position()"/>．<xsl:value-of select="."/></fo:block>
      </xsl:for-each>
    </xsl:if>
    <fo:block text-indent="2em" text-align="justify">
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
