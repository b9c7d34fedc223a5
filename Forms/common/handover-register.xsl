<?xml version="1.0" encoding="UTF-8"?>
<!--
  The handover register of a transfer batch (Schemas/transfer/handover-register.xsd): who sent
  which pupil's file to which school, every document with its archive id, version and SHA-256,
  the dossier's SHA-256, the gaps declared, and a signature line for each side. Landscape A4,
  the header row repeated on every page. Kinds print through the jurisdiction's labels, times in
  its local time; no operator id, certificate subject, rule file or seed is printed (they are in
  the signed XML). A jurisdiction's handover-register.xsl imports its
  common.xsl (language, dates, page numbers), then this file, and sets the labels below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:h="urn:inclusio:handover-register:1"
    exclude-result-prefixes="h">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <!-- Labels: each jurisdiction's form overrides them. -->
  <xsl:variable name="l-title" select="'Handover register'"/>
  <xsl:variable name="l-register" select="'Register'"/>
  <xsl:variable name="l-date" select="'Date'"/>
  <xsl:variable name="l-sender" select="'Sent by'"/>
  <xsl:variable name="l-recipient" select="'Received by'"/>
  <xsl:variable name="l-purpose" select="'Purpose'"/>
  <xsl:variable name="l-pupil" select="'Pupil (code)'"/>
  <xsl:variable name="l-documents" select="'Documents sent (kind · record · archive id · version · SHA-256)'"/>
  <xsl:variable name="l-dossier" select="'Dossier'"/>
  <xsl:variable name="l-sent" select="'Sent'"/>
  <xsl:variable name="l-missing" select="'Missing'"/>
  <xsl:variable name="l-none" select="'—'"/>
  <xsl:variable name="l-count" select="'Pupils'"/>
  <xsl:variable name="l-sign-sender" select="'Handed over by (signature)'"/>
  <xsl:variable name="l-sign-recipient" select="'Received by (signature)'"/>

  <xsl:template match="/h:handoverRegister">
    <fo:root xml:lang="{$lang}" font-family="sans-serif" font-size="8pt" line-height="1.3">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="A4-landscape" page-width="297mm" page-height="210mm"
            margin-top="10mm" margin-bottom="10mm" margin-left="12mm" margin-right="12mm">
          <fo:region-body margin-top="12mm" margin-bottom="10mm"/>
          <fo:region-before extent="10mm"/>
          <fo:region-after extent="8mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="A4-landscape" id="sequence">
        <fo:static-content flow-name="xsl-region-before">
          <fo:block font-size="8pt" color="#555555" border-bottom="0.5pt solid #555555" padding-bottom="1mm">
            <xsl:value-of select="concat($l-title, ' · ', $l-register, ' ', @id)"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="8pt" text-align="center" color="#555555">
            <xsl:call-template name="page-numbers"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="15pt" font-weight="bold" space-after="2mm"><xsl:value-of select="$l-title"/></fo:block>
          <fo:table table-layout="fixed" width="100%" space-after="4mm">
            <fo:table-column column-width="35mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="$l-register"/>
                <xsl:with-param name="value" select="@id"/>
              </xsl:call-template>
              <fo:table-row>
                <fo:table-cell padding="0.5mm"><fo:block font-weight="bold"><xsl:value-of select="$l-date"/></fo:block></fo:table-cell>
                <fo:table-cell padding="0.5mm"><fo:block><xsl:call-template name="date"><xsl:with-param name="iso" select="@date"/></xsl:call-template></fo:block></fo:table-cell>
              </fo:table-row>
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="$l-sender"/>
                <xsl:with-param name="value" select="h:sender/h:name"/>
              </xsl:call-template>
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="$l-recipient"/>
                <xsl:with-param name="value" select="h:recipient/h:name"/>
              </xsl:call-template>
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="$l-purpose"/>
                <xsl:with-param name="value" select="@purpose"/>
              </xsl:call-template>
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="$l-count"/>
                <xsl:with-param name="value" select="count(h:pupil)"/>
              </xsl:call-template>
            </fo:table-body>
          </fo:table>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <fo:table-column column-width="42mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="32mm"/>
            <fo:table-column column-width="30mm"/>
            <fo:table-header>
              <fo:table-row>
                <xsl:call-template name="heading"><xsl:with-param name="text" select="$l-pupil"/></xsl:call-template>
                <xsl:call-template name="heading"><xsl:with-param name="text" select="$l-documents"/></xsl:call-template>
                <xsl:call-template name="heading"><xsl:with-param name="text" select="$l-sent"/></xsl:call-template>
                <xsl:call-template name="heading"><xsl:with-param name="text" select="$l-missing"/></xsl:call-template>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:apply-templates select="h:pupil"/>
            </fo:table-body>
          </fo:table>
          <fo:table table-layout="fixed" width="100%" space-before="10mm" keep-together.within-page="always">
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell padding-right="10mm">
                  <fo:block border-bottom="0.5pt solid #000000" space-after="1mm" padding-top="10mm"/>
                  <fo:block><xsl:value-of select="$l-sign-sender"/></fo:block>
                </fo:table-cell>
                <fo:table-cell padding-left="10mm">
                  <fo:block border-bottom="0.5pt solid #000000" space-after="1mm" padding-top="10mm"/>
                  <fo:block><xsl:value-of select="$l-sign-recipient"/></fo:block>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="h:pupil">
    <fo:table-row keep-together.within-page="always">
      <fo:table-cell border="0.5pt solid #555555" padding="1mm">
        <fo:block font-weight="bold"><xsl:value-of select="@pseudonym"/></fo:block>
        <fo:block><xsl:call-template name="coded"><xsl:with-param name="code" select="@level"/></xsl:call-template></fo:block>
        <xsl:if test="@nextLevel">
          <fo:block>→ <xsl:call-template name="coded"><xsl:with-param name="code" select="@nextLevel"/></xsl:call-template></fo:block>
        </xsl:if>
      </fo:table-cell>
      <fo:table-cell border="0.5pt solid #555555" padding="1mm">
        <xsl:for-each select="h:document">
          <fo:block>
            <xsl:call-template name="coded"><xsl:with-param name="code" select="@kind"/></xsl:call-template>
            <xsl:value-of select="concat(' · ', @recordId, ' · ', @id, ' v', @version)"/>
          </fo:block>
          <fo:block font-family="monospace" font-size="6.5pt" color="#333333" space-after="0.8mm"><xsl:value-of select="@sha256"/></fo:block>
        </xsl:for-each>
        <fo:block font-weight="bold"><xsl:value-of select="concat($l-dossier, ' ', @dossier)"/></fo:block>
        <fo:block font-family="monospace" font-size="6.5pt"><xsl:value-of select="@dossierSha256"/></fo:block>
      </fo:table-cell>
      <fo:table-cell border="0.5pt solid #555555" padding="1mm">
        <fo:block><xsl:call-template name="local-date-time"><xsl:with-param name="iso" select="@sent"/></xsl:call-template></fo:block>
      </fo:table-cell>
      <fo:table-cell border="0.5pt solid #555555" padding="1mm">
        <xsl:if test="not(h:missing)"><fo:block><xsl:value-of select="$l-none"/></fo:block></xsl:if>
        <xsl:for-each select="h:missing">
          <fo:block font-weight="bold"><xsl:call-template name="coded"><xsl:with-param name="code" select="@kind"/></xsl:call-template></fo:block>
        </xsl:for-each>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <fo:table-row>
      <fo:table-cell padding="0.5mm"><fo:block font-weight="bold"><xsl:value-of select="$label"/></fo:block></fo:table-cell>
      <fo:table-cell padding="0.5mm"><fo:block><xsl:value-of select="$value"/></fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="text"/>
    <fo:table-cell border="0.5pt solid #555555" padding="1mm" background-color="#e8e8e8">
      <fo:block font-weight="bold"><xsl:value-of select="$text"/></fo:block>
    </fo:table-cell>
  </xsl:template>
</xsl:stylesheet>
