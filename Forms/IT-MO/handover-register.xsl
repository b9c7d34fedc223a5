<?xml version="1.0" encoding="UTF-8"?>
<!-- IT-MO handover register (elenco di trasmissione, seed 003 Art. 8 A.3): the common table, in Italian. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:import href="../common/handover-register.xsl"/>
  <xsl:variable name="l-title" select="'Elenco di trasmissione del fascicolo personale'"/>
  <xsl:variable name="l-register" select="'Elenco n.'"/>
  <xsl:variable name="l-date" select="'Data'"/>
  <xsl:variable name="l-sender" select="'Trasmesso da'"/>
  <xsl:variable name="l-recipient" select="'Scuola ricevente'"/>
  <xsl:variable name="l-purpose" select="'Finalità'"/>
  <xsl:variable name="l-pupil" select="'Alunno (codice)'"/>
  <xsl:variable name="l-documents" select="'Documenti trasmessi (tipo · protocollo · id archivio · versione · SHA-256)'"/>
  <xsl:variable name="l-dossier" select="'Fascicolo'"/>
  <xsl:variable name="l-sent" select="'Inviato il'"/>
  <xsl:variable name="l-missing" select="'Mancanti'"/>
  <xsl:variable name="l-count" select="'Alunni'"/>
  <xsl:variable name="l-sign-sender" select="'Il dirigente che trasmette (firma)'"/>
  <xsl:variable name="l-sign-recipient" select="'Il dirigente che riceve (firma)'"/>
</xsl:stylesheet>
