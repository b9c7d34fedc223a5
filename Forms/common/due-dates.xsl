<?xml version="1.0" encoding="UTF-8"?>
<!--
  The due-dates report (Schemas/deadlines/due-report.xsd) on one A4 page: the counts per school
  (overdue, due, done …), then the findings that need action first, overdue first, then by date.
  Words come from the jurisdiction's deadlines file (<label>); a jurisdiction's due-dates.xsl
  imports its common.xsl (language, page numbers) and then this file.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:inclusio:due-report:1"
    exclude-result-prefixes="d">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="statuses" select="'overdue due open done late waiting reminder flagged '"/>

  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:variable name="text" select="/d:dueReport/d:label[@key = $key]/@text"/>
    <xsl:choose>
      <xsl:when test="$text"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="head-cell">
    <xsl:param name="key"/>
    <fo:table-cell border="0.5pt solid #555555" padding="1mm" background-color="#e8e8e8">
      <fo:block font-weight="bold"><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="value"/>
    <xsl:param name="align" select="'start'"/>
    <fo:table-cell border="0.5pt solid #555555" padding="1mm">
      <fo:block text-align="{$align}"><xsl:value-of select="$value"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- One header cell per status, from the list $rest. -->
  <xsl:template name="status-heads">
    <xsl:param name="rest" select="$statuses"/>
    <xsl:if test="$rest != ''">
      <xsl:call-template name="head-cell"><xsl:with-param name="key" select="substring-before($rest, ' ')"/></xsl:call-template>
      <xsl:call-template name="status-heads"><xsl:with-param name="rest" select="substring-after($rest, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/d:dueReport">
    <fo:root xml:lang="{@language}" font-family="sans-serif" font-size="8pt" line-height="1.3">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
            margin-top="12mm" margin-bottom="10mm" margin-left="14mm" margin-right="14mm">
          <fo:region-body margin-top="10mm" margin-bottom="10mm"/>
          <fo:region-before extent="8mm"/>
          <fo:region-after extent="8mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="A4" id="sequence">
        <fo:static-content flow-name="xsl-region-before">
          <fo:block font-size="8pt" color="#555555" border-bottom="0.5pt solid #555555" padding-bottom="1mm">
            <xsl:call-template name="label"><xsl:with-param name="key" select="'title'"/></xsl:call-template>
            <xsl:value-of select="concat(' · ', @jurisdiction, ' · ', @on)"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="8pt" text-align="center" color="#555555"><xsl:call-template name="page-numbers"/></fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="14pt" font-weight="bold" space-after="1mm">
            <xsl:call-template name="label"><xsl:with-param name="key" select="'title'"/></xsl:call-template>
          </fo:block>
          <fo:block font-size="10pt" space-after="1mm"><xsl:value-of select="concat(@on, ' (+', @within, ')')"/></fo:block>
          <fo:block font-size="7pt" color="#555555" space-after="3mm"><xsl:value-of select="concat(@produced, ' · ', @producedBy)"/></fo:block>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-after="4mm">
            <fo:table-column column-width="proportional-column-width(16)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-column column-width="proportional-column-width(6)"/>
            <fo:table-header>
              <fo:table-row>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'school'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'pupil'"/></xsl:call-template>
                <xsl:call-template name="status-heads"/>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:if test="not(d:school)">
                <fo:table-row><xsl:call-template name="cell"><xsl:with-param name="value" select="'—'"/></xsl:call-template></fo:table-row>
              </xsl:if>
              <xsl:for-each select="d:school">
                <fo:table-row keep-together.within-page="always">
                  <xsl:call-template name="cell"><xsl:with-param name="value" select="@name"/></xsl:call-template>
                  <xsl:for-each select="@pupils | @overdue | @due | @open | @done | @late | @waiting | @reminder | @flagged">
                    <xsl:call-template name="cell">
                      <xsl:with-param name="value" select="."/>
                      <xsl:with-param name="align" select="'end'"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </fo:table-row>
              </xsl:for-each>
            </fo:table-body>
          </fo:table>
          <xsl:if test="d:more/@schools &gt; 0">
            <fo:block space-after="3mm"><xsl:value-of select="concat('+ ', d:more/@schools, ' ')"/>
              <xsl:call-template name="label"><xsl:with-param name="key" select="'school'"/></xsl:call-template>
            </fo:block>
          </xsl:if>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <fo:table-column column-width="proportional-column-width(15)"/>
            <fo:table-column column-width="proportional-column-width(14)"/>
            <fo:table-column column-width="proportional-column-width(35)"/>
            <fo:table-column column-width="proportional-column-width(10)"/>
            <fo:table-column column-width="proportional-column-width(11)"/>
            <fo:table-column column-width="proportional-column-width(15)"/>
            <fo:table-header>
              <fo:table-row>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'school'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'pupil'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'rule'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'status'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'date'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="key" select="'source'"/></xsl:call-template>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:if test="not(d:row)">
                <fo:table-row><xsl:call-template name="cell"><xsl:with-param name="value" select="'—'"/></xsl:call-template></fo:table-row>
              </xsl:if>
              <xsl:for-each select="d:row">
                <fo:table-row keep-together.within-page="always">
                  <xsl:call-template name="cell"><xsl:with-param name="value" select="@school"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="value" select="@pupil"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="value" select="@title"/></xsl:call-template>
                  <fo:table-cell border="0.5pt solid #555555" padding="1mm">
                    <fo:block>
                      <xsl:if test="@status = 'overdue'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
                      <xsl:call-template name="label"><xsl:with-param name="key" select="@status"/></xsl:call-template>
                    </fo:block>
                  </fo:table-cell>
                  <xsl:call-template name="cell"><xsl:with-param name="value" select="@date"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="value" select="@source"/></xsl:call-template>
                </fo:table-row>
              </xsl:for-each>
            </fo:table-body>
          </fo:table>
          <xsl:if test="d:more/@rows &gt; 0">
            <fo:block space-before="2mm"><xsl:value-of select="concat('+ ', d:more/@rows, ' ')"/>
              <xsl:call-template name="label"><xsl:with-param name="key" select="'more'"/></xsl:call-template>
            </fo:block>
          </xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
