<?xml version="1.0" encoding="UTF-8"?>
<!--
  The access report (Schemas/audit/access-report.xsd): who opened a pupil's file, when, what,
  why and to whom, as a landscape A4 table whose header row repeats on every page.
  Headings and cells arrive in the report's language; a jurisdiction's access-report.xsl
  imports its common.xsl (language, page numbers) and then this file.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:r="urn:inclusio:access-report:1"
    exclude-result-prefixes="r">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <!-- Relative column widths, in the schema's column order. -->
  <xsl:variable name="widths" select="'sequence:4 time:10 operator:8 role:8 organisation:9 action:10 pupil:11 kind:10 document:12 version:4 purpose:14 recipient:8 outcome:8'"/>

  <xsl:template match="/r:accessReport">
    <fo:root xml:lang="{@language}" font-family="sans-serif" font-size="7.5pt" line-height="1.3">
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
            <xsl:value-of select="r:title"/>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="r:subject"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="8pt" text-align="center" color="#555555">
            <xsl:call-template name="page-numbers"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="14pt" font-weight="bold" space-after="1mm"><xsl:value-of select="r:title"/></fo:block>
          <fo:block font-size="10pt" space-after="1mm"><xsl:value-of select="r:subject"/></fo:block>
          <fo:block font-size="8pt" color="#555555" space-after="4mm">
            <xsl:value-of select="concat(@produced, ' (', @timeZone, ') · ', @producedBy)"/>
          </fo:block>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <xsl:for-each select="r:headings/r:heading">
              <xsl:variable name="after" select="substring-after($widths, concat(@key, ':'))"/>
              <fo:table-column column-width="proportional-column-width({substring-before(concat($after, ' '), ' ')})"/>
            </xsl:for-each>
            <fo:table-header>
              <fo:table-row>
                <xsl:for-each select="r:headings/r:heading">
                  <fo:table-cell border="0.5pt solid #555555" padding="1mm" background-color="#e8e8e8">
                    <fo:block font-weight="bold"><xsl:value-of select="."/></fo:block>
                  </fo:table-cell>
                </xsl:for-each>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:if test="not(r:row)">
                <fo:table-row>
                  <fo:table-cell number-columns-spanned="13" border="0.5pt solid #555555" padding="1mm">
                    <fo:block>—</fo:block>
                  </fo:table-cell>
                </fo:table-row>
              </xsl:if>
              <xsl:for-each select="r:row">
                <fo:table-row keep-together.within-page="always">
                  <xsl:for-each select="r:cell">
                    <fo:table-cell border="0.5pt solid #555555" padding="1mm">
                      <fo:block><xsl:value-of select="."/></fo:block>
                    </fo:table-cell>
                  </xsl:for-each>
                </fo:table-row>
              </xsl:for-each>
            </fo:table-body>
          </fo:table>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
