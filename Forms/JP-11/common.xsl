<?xml version="1.0" encoding="UTF-8"?>
<!-- Saitama (JP-11): Japanese labels, dates in the Reiwa era (令和8年1月23日), "1 / 2". Imported by every JP-11 form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="labels.xsl"/>
  <!-- Full-width punctuation: a full-width colon after a label, and between the values of a list. -->
  <xsl:variable name="colon" select="'：'"/>
  <xsl:variable name="list-separator" select="'、'"/>
  <xsl:variable name="body-size" select="'10.5pt'"/>

  <xsl:template match="*" mode="person-name">
    <xsl:call-template name="name-in-order"><xsl:with-param name="separator" select="'　'"/></xsl:call-template>
    <xsl:if test="*[local-name()='familyReading']">（<xsl:call-template name="name-in-order">
        <xsl:with-param name="first" select="*[local-name()='familyReading']"/>
        <xsl:with-param name="second" select="*[local-name()='givenReading']"/>
      </xsl:call-template>）</xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="address">
    <xsl:if test="*[local-name()='postalCode']">〒<xsl:value-of select="*[local-name()='postalCode']"/><xsl:text> </xsl:text></xsl:if>
    <xsl:value-of select="concat(*[local-name()='region'], *[local-name()='municipality'], *[local-name()='streetAddress'])"/>
  </xsl:template>
  <!-- 令和 began on 2019-05-01; earlier dates in this system are Heisei (平成 = year − 1988). -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:variable name="year" select="number(substring($iso, 1, 4))"/>
    <xsl:variable name="reiwa" select="translate($iso, '-', '') &gt;= 20190501"/>
    <xsl:choose>
      <xsl:when test="$reiwa and $year = 2019">令和元年</xsl:when>
      <xsl:when test="$reiwa">令和<xsl:value-of select="$year - 2018"/>年</xsl:when>
      <xsl:otherwise>平成<xsl:value-of select="$year - 1988"/>年</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat(number(substring($iso, 6, 2)), '月', number(substring($iso, 9, 2)), '日')"/>
  </xsl:template>
  <xsl:template name="page-numbers"><fo:page-number/> / <fo:page-number-citation-last ref-id="sequence"/></xsl:template>
</xsl:stylesheet>
