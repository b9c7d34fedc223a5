<?xml version="1.0" encoding="UTF-8"?>
<!--
  JP-11 placement: 就学先決定の通知 / 入学期日及び学校指定通知 as a 公用文 notice: 文書番号 and
  date at the top right, the guardian (様) at the left, the board (教育長) at the right, title,
  a short body, 記 centred, numbered items, 以上 at the end, the office to contact, and
  "1 / 2" page numbers. Items follow seed 002 (就学先決定の仕組み, 障害の種類と程度).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:p="urn:inclusio:placement:1" exclude-result-prefixes="p">
  <xsl:import href="common.xsl"/>

  <xsl:template match="/">
    <xsl:if test="not(p:placement)">
      <xsl:message terminate="yes">This form prints placement records (urn:inclusio:placement:1) only.</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="p:placement"/>
  </xsl:template>

  <xsl:template match="p:placement">
    <!-- The report to the prefectural board (002 §2 12月上旬) is the municipal board's, addressed to the prefecture. -->
    <xsl:variable name="report" select="p:jp/p:documentType = '特別支援学校等への就学の通知'"/>
    <fo:root xml:lang="{$lang}" font-family="serif" font-size="11pt" line-height="1.7">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="notice" page-width="210mm" page-height="297mm"
            margin-top="25mm" margin-bottom="15mm" margin-left="25mm" margin-right="25mm">
          <fo:region-body margin-bottom="15mm"/>
          <fo:region-after extent="10mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="notice" id="sequence">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="9pt" text-align="center"><xsl:call-template name="page-numbers"/></fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <!-- 文書番号・日付 -->
          <fo:block text-align="end"><xsl:value-of select="p:header/p:referenceNumber"/></fo:block>
          <fo:block text-align="end">
            <xsl:call-template name="date"><xsl:with-param name="iso" select="p:header/p:issuedDate"/></xsl:call-template>
          </fo:block>
          <!-- 宛先: the guardian; the prefectural board for the report to it (002 §2 12月上旬). -->
          <xsl:choose>
            <xsl:when test="$report">
              <fo:block font-size="13pt" space-before="6mm">埼玉県教育委員会教育長　様</fo:block>
            </xsl:when>
            <xsl:otherwise>
              <fo:block space-before="6mm">保護者</fo:block>
              <fo:block font-size="13pt" start-indent="1em">
                <xsl:apply-templates select="p:guardian[1]/p:name" mode="plain-name"/><xsl:text>　様</xsl:text>
              </fo:block>
            </xsl:otherwise>
          </xsl:choose>
          <!-- 発信者 -->
          <fo:block text-align="end" space-before="6mm">
            <xsl:value-of select="p:header/p:signatory/p:title"/><xsl:text>　</xsl:text><xsl:value-of select="p:header/p:signatory/p:name"/>
          </fo:block>
          <!-- 件名 -->
          <fo:block font-size="15pt" font-weight="bold" text-align="center" space-before="9mm" space-after="6mm">
            <xsl:choose>
              <xsl:when test="$report"><xsl:value-of select="p:jp/p:documentType"/></xsl:when>
              <!-- A deferral or exemption is notified as what it is (002 §3), not as a place of schooling. -->
              <xsl:when test="p:jp/p:exemption"><xsl:value-of select="p:jp/p:exemption/p:measure"/><xsl:text>について（通知）</xsl:text></xsl:when>
              <xsl:otherwise><xsl:value-of select="p:jp/p:documentType"/><xsl:text>（通知）</xsl:text></xsl:otherwise>
            </xsl:choose>
          </fo:block>
          <fo:block text-indent="1em" text-align="justify">
            <xsl:choose>
              <xsl:when test="$report">
                <xsl:text>下記の児童生徒について、市町村就学支援委員会の意見を聴いて審議した結果、特別支援学校等への就学が適当と判断しましたので、就学・転学相談票を添えて通知します。</xsl:text>
              </xsl:when>
              <xsl:when test="p:jp/p:exemption">
                <xsl:apply-templates select="p:pupil/p:name" mode="plain-name"/>
                <xsl:text>さんの就学について、保護者からの願い出に基づき慎重に審議した結果、下記のとおり</xsl:text>
                <xsl:value-of select="p:jp/p:exemption/p:measure"/>
                <xsl:text>を決定しましたので通知します。</xsl:text>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="p:pupil/p:name" mode="plain-name"/>
                <xsl:text>さんの就学先について、保護者及び本人の意向を踏まえ、就学支援委員会の意見を聴いて審議した結果、下記のとおり決定しましたので通知します。</xsl:text>
              </xsl:otherwise>
            </xsl:choose>
          </fo:block>
          <fo:block text-align="center" space-before="6mm" space-after="4mm">記</fo:block>
          <xsl:apply-templates select="p:jp"/>
          <fo:block text-align="end" space-before="4mm">以上</fo:block>
          <!-- 問い合わせ先 -->
          <fo:table table-layout="fixed" width="100%" space-before="6mm">
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="85mm"/>
            <fo:table-body>
              <fo:table-row keep-together.within-page="always">
                <fo:table-cell><fo:block/></fo:table-cell>
                <fo:table-cell border="0.5pt solid black" padding="2mm">
                  <fo:block font-size="9.5pt" line-height="1.5">（問い合わせ先）</fo:block>
                  <fo:block font-size="9.5pt" line-height="1.5"><xsl:value-of select="concat(p:header/p:issuingAuthority/p:name, ' ', p:header/p:issuingAuthority/p:unit)"/></fo:block>
                  <fo:block font-size="9.5pt" line-height="1.5"><xsl:apply-templates select="p:header/p:issuingAuthority/p:address" mode="address"/></fo:block>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The numbered items under 記. -->
  <xsl:template match="p:jp">
    <xsl:variable name="record" select=".."/>
    <xsl:variable name="items">
      <item label="児童生徒氏名"><xsl:apply-templates select="$record/p:pupil/p:name" mode="person-name"/></item>
      <item label="生年月日"><xsl:call-template name="date"><xsl:with-param name="iso" select="$record/p:pupil/p:birthDate"/></xsl:call-template></item>
      <item label="住所"><xsl:apply-templates select="$record/p:pupil/p:address" mode="address"/></item>
      <xsl:if test="$record/p:school">
        <item label="就学する学校"><xsl:value-of select="$record/p:school/p:name"/></item>
      </xsl:if>
      <xsl:if test="p:placementKind">
        <item label="学びの場">
          <xsl:value-of select="p:placementKind"/>
          <xsl:if test="$record/p:school/p:className">（<xsl:value-of select="$record/p:school/p:className"/>）</xsl:if>
        </item>
      </xsl:if>
      <xsl:if test="p:entryDate">
        <item label="入学期日"><xsl:call-template name="date"><xsl:with-param name="iso" select="p:entryDate"/></xsl:call-template></item>
      </xsl:if>
      <xsl:if test="p:previousSchool">
        <item label="前在籍校"><xsl:value-of select="p:previousSchool/p:name"/>
          <xsl:if test="p:previousSchool/p:className">（<xsl:value-of select="p:previousSchool/p:className"/>）</xsl:if></item>
      </xsl:if>
      <xsl:for-each select="p:exemption">
        <item label="{p:measure}">
          <xsl:if test="p:period">
            <xsl:call-template name="date"><xsl:with-param name="iso" select="p:period/p:start"/></xsl:call-template>
            <xsl:text>から</xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="p:period/p:end"/></xsl:call-template>
            <xsl:text>まで</xsl:text>
          </xsl:if>
          <xsl:text>（</xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="iso" select="p:guardianRequestDate"/></xsl:call-template>
          <xsl:text>付け願い出）。</xsl:text><xsl:value-of select="p:reason"/>
        </item>
      </xsl:for-each>
      <item label="区分">
        <xsl:choose>
          <xsl:when test="p:exemption"><xsl:value-of select="p:exemption/p:measure"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="p:admissionType"/></xsl:otherwise>
        </xsl:choose>
      </item>
      <xsl:if test="p:disabilityType">
        <item label="障害の種類・程度">
          <xsl:for-each select="p:disabilityType"><xsl:if test="position() &gt; 1">・</xsl:if><xsl:value-of select="."/></xsl:for-each>
          <xsl:for-each select="p:disabilityDegree">（<xsl:value-of select="."/>）</xsl:for-each>
        </item>
      </xsl:if>
      <xsl:for-each select="p:consultationSheet">
        <item label="添付書類">
          <xsl:text>就学・転学相談票（</xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="iso" select="p:preparedDate"/></xsl:call-template>
          <xsl:text>作成</xsl:text>
          <xsl:if test="p:referenceNumber"><xsl:text>、</xsl:text><xsl:value-of select="p:referenceNumber"/></xsl:if>
          <xsl:text>）</xsl:text>
          <xsl:if test="p:requestedConsultation"><xsl:text>。相談事項：</xsl:text><xsl:value-of select="p:requestedConsultation"/></xsl:if>
        </item>
      </xsl:for-each>
      <xsl:for-each select="p:consultation">
        <item label="就学相談">
          <xsl:for-each select="p:consultationDate">
            <xsl:if test="position() > 1">、</xsl:if>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="."/></xsl:call-template>
          </xsl:for-each>
          <xsl:if test="p:supportCommitteeDate">
            <xsl:text>。就学支援委員会 </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="p:supportCommitteeDate"/></xsl:call-template>
          </xsl:if>
          <xsl:text>。</xsl:text><xsl:value-of select="p:note"/>
        </item>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($items)/item" xmlns:exsl="http://exslt.org/common">
      <fo:table table-layout="fixed" width="100%" space-after="1mm">
        <fo:table-column column-width="10mm"/>
        <fo:table-column column-width="38mm"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-body>
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell><fo:block><xsl:value-of select="position()"/></fo:block></fo:table-cell>
            <fo:table-cell><fo:block><xsl:value-of select="@label"/></fo:block></fo:table-cell>
            <fo:table-cell><fo:block text-align="justify"><xsl:value-of select="."/></fo:block></fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="plain-name">
    <xsl:call-template name="name-in-order"><xsl:with-param name="separator" select="'　'"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
