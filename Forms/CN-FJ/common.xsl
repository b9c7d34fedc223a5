<?xml version="1.0" encoding="UTF-8"?>
<!-- Fujian (CN-FJ): Chinese labels, dates as 2026年6月15日, "第 1 页 共 2 页". Imported by every CN-FJ form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="labels.xsl"/>
  <!-- Full-width punctuation: a full-width colon after a label, and between the values of a list. -->
  <xsl:variable name="colon" select="'：'"/>
  <xsl:variable name="list-separator" select="'；'"/>
  <xsl:variable name="body-size" select="'10.5pt'"/>

  <xsl:template match="*" mode="person-name">
    <xsl:call-template name="name-in-order"><xsl:with-param name="separator" select="''"/></xsl:call-template>
    <xsl:if test="*[local-name()='romanised']">（<xsl:value-of select="*[local-name()='romanised']"/>）</xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="address">
    <xsl:value-of select="concat(*[local-name()='region'], *[local-name()='municipality'], *[local-name()='streetAddress'])"/>
    <xsl:if test="*[local-name()='postalCode']">（邮编 <xsl:value-of select="*[local-name()='postalCode']"/>）</xsl:if>
  </xsl:template>
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:value-of select="concat(substring($iso, 1, 4), '年', number(substring($iso, 6, 2)), '月', number(substring($iso, 9, 2)), '日')"/>
  </xsl:template>
  <xsl:template name="page-numbers">第 <fo:page-number/> 页 共 <fo:page-number-citation-last ref-id="sequence"/> 页</xsl:template>
</xsl:stylesheet>
