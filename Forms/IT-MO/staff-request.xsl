<?xml version="1.0" encoding="UTF-8"?>
<!-- IT-MO staff-request: staff request (support teacher and assistant hours, 003 Art.11-12) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="form-document">
      <xsl:with-param name="title">Griglia per la richiesta di personale</xsl:with-param>
      <xsl:with-param name="orientation" select="'landscape'"/>
      <xsl:with-param name="subtitle" select="/*/*[local-name()='header']/*[local-name()='issuingAuthority']/*[local-name()='name']"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
