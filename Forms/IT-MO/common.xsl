<?xml version="1.0" encoding="UTF-8"?>
<!-- Modena (IT-MO): Italian labels, dates as 15/06/2026, "Pagina 1 di 2". Imported by every IT-MO form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="labels.xsl"/>

  <!-- In the order of the manifest's nameOrder (Rossi Luca, or Luca Rossi). -->
  <xsl:template match="*" mode="person-name">
    <xsl:call-template name="name-in-order"/>
  </xsl:template>
  <xsl:template match="*" mode="address">
    <xsl:value-of select="*[local-name()='streetAddress']"/><xsl:text>, </xsl:text>
    <xsl:value-of select="*[local-name()='postalCode']"/><xsl:text> </xsl:text>
    <xsl:value-of select="*[local-name()='municipality']"/>
    <xsl:if test="*[local-name()='region']"> (<xsl:value-of select="*[local-name()='region']"/>)</xsl:if>
  </xsl:template>
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:value-of select="concat(substring($iso, 9, 2), '/', substring($iso, 6, 2), '/', substring($iso, 1, 4))"/>
  </xsl:template>
  <xsl:template name="page-numbers">Pagina <fo:page-number/> di <fo:page-number-citation-last ref-id="sequence"/></xsl:template>
</xsl:stylesheet>
