<?xml version="1.0" encoding="UTF-8"?>
<!-- IT-MO functional-profile: profilo dinamico funzionale, signed by everyone who drafted it (003 Art.5) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="form-document">
      <xsl:with-param name="title">Profilo Dinamico Funzionale</xsl:with-param>
      <xsl:with-param name="subtitle" select="concat('Anno scolastico ', (//*[local-name()='schoolYear'])[1])"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
