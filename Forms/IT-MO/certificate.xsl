<?xml version="1.0" encoding="UTF-8"?>
<!-- IT-MO certificate: certificate (ASL, with ICD-10 diagnosis), renewal or revocation -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="form-document">
      <xsl:with-param name="title">Certificazione ai sensi dell'art. 3 L. 104/92</xsl:with-param>
      <xsl:with-param name="subtitle" select="concat(/*/*[local-name()='header']/*[local-name()='issuingAuthority']/*[local-name()='name'], ' – ', /*/*[local-name()='certificationType'])"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
