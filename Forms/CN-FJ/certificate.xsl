<?xml version="1.0" encoding="UTF-8"?>
<!-- CN-FJ certificate: 随班就读证明 (seed 001) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="form-document">
      <xsl:with-param name="title">随班就读证明</xsl:with-param>
      <xsl:with-param name="subtitle" select="/*/*[local-name()='header']/*[local-name()='issuingAuthority']/*[local-name()='name']"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
