<?xml version="1.0" encoding="UTF-8"?>
<!-- IT-MO iep: PEI, signed by everyone named in it (003 Art.6) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="form-document">
      <xsl:with-param name="title">Piano Educativo Individualizzato (PEI)</xsl:with-param>
      <xsl:with-param name="subtitle" select="concat('Anno scolastico ', (//*[local-name()='schoolYear'])[1])"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
